namespace Bitten.Modules.Execution.Guards;

/// <summary>A persisted runtime switch such as <c>Execution:Halted</c> (table <c>runtime_switches</c>).</summary>
internal sealed class RuntimeSwitchRecord
{
    public string Key { get; set; } = string.Empty;

    public bool Value { get; set; }

    public long UpdatedAtMs { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;
}
