using Bitten.Host.Cli;

return await HostEntryPoint.RunAsync(args);

/// <summary>Entry point type, visible to <c>WebApplicationFactory</c> in the integration tests.</summary>
public partial class Program;
