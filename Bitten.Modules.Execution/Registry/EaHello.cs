namespace Bitten.Modules.Execution.Registry;

/// <summary>The account facts of a <c>hello</c> (all optional on the wire).</summary>
internal sealed record EaHello(string? AccountLogin, string? Broker, string? Currency, decimal? Balance, decimal? Equity, int? BrokerUtcOffsetSeconds);
