using System.Diagnostics.Metrics;

namespace Bitten.Modules.Gamification;

/// <summary>The module's instruments (meter <c>Bitten.Gamification</c>).</summary>
internal sealed class GamificationMetrics
{
    public GamificationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create("Bitten.Gamification");
        BadRequests = meter.CreateCounter<long>("bitten_gamification_bad_requests", description: "Rejected API requests, by field");
        Purchases = meter.CreateCounter<long>("bitten_shop_purchases", description: "Shop purchase attempts, by outcome");
    }

    public Counter<long> BadRequests { get; }

    public Counter<long> Purchases { get; }
}
