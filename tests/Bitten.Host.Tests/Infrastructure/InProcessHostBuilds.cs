namespace Bitten.Host.Tests.Infrastructure;

/// <summary>
/// Tests that build the host in-process without WebApplicationFactory. WebApplicationFactory finds "its"
/// host through a process-wide hosting DiagnosticListener, so a host built concurrently by another test
/// can be captured by a waiting factory (and then disposed under it). These run alone, after the rest.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessHostBuilds
{
    public const string Name = "in-process host builds";
}
