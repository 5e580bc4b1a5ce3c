namespace Bitten.Modules.Signals.Structure;

/// <summary>The period of <see cref="SmcReference.PreviousHighLow"/>, bucketed like pandas' resample.</summary>
internal enum ReferencePeriod
{
    Unknown = 0,
    FourHours = 1,
    Day = 2,
    Week = 3,
}
