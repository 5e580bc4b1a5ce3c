namespace Bitten.Modules.Missions.Stream;

/// <summary>Why a stream could not be opened.</summary>
internal enum SubscribeRefusal
{
    None = 0,
    ServerFull = 1,
    TooManyForUser = 2,
}
