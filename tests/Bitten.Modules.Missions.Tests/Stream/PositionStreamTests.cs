using System.Text;
using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using Bitten.Modules.Missions.Stream;
using Bitten.Modules.Missions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Missions.Tests.Stream;

public sealed class PositionStreamTests
{
    [Fact]
    public async Task Heartbeat_WhenOwnerIsConnected_StreamsPositionsWithProfitWithoutAnId()
    {
        await using var harness = new MissionsHarness();
        harness.World.EaOwners["ea-alice"] = 7;
        var hub = harness.Services.GetRequiredService<MissionStreamHub>();
        var (client, _) = hub.Subscribe(7, null);
        var (other, _) = hub.Subscribe(8, null);

        await harness.PublishAsync(Heartbeat("ea-alice", ("EURUSD", 12.5m), ("XAUUSD", -3.25m)));

        var frames = Drain(client!);
        var positions = frames.Single(f => f.Contains("event: positions"));
        positions.ShouldNotContain("id: ");
        positions.ShouldContain("\"symbol\":\"EURUSD\"");
        positions.ShouldContain("\"profit\":9.25");
        Drain(other!).ShouldNotContain(f => f.Contains("positions"));
    }

    [Fact]
    public async Task PricePump_WhenAConnectedUserHoldsSymbols_SendsTheirPricesOnly()
    {
        await using var harness = new MissionsHarness();
        harness.World.EaOwners["ea-bob"] = 9;
        harness.World.Quotes["GBPJPY"] = new MarketQuote("GBPJPY", 191.234m, 191.250m, 1_767_614_400_000, false, 3, 0.01m);
        harness.World.Quotes["EURUSD"] = new MarketQuote("EURUSD", 1.1m, 1.1001m, 1_767_614_400_000, false, 5, 0.0001m);
        var hub = harness.Services.GetRequiredService<MissionStreamHub>();
        await harness.PublishAsync(Heartbeat("ea-bob", ("GBPJPY", 1m)));
        var pump = ActivatorUtilities.CreateInstance<PositionStreamPump>(harness.Services);

        var whileAway = await pump.PumpAsync(CancellationToken.None);
        var (client, _) = hub.Subscribe(9, null);
        var connected = await pump.PumpAsync(CancellationToken.None);

        whileAway.ShouldBe(0, "nobody is watching");
        connected.ShouldBe(1);
        var price = Drain(client!).Single(f => f.Contains("event: price"));
        price.ShouldContain("\"symbol\":\"GBPJPY\"");
        price.ShouldContain("\"bid\":191.234");
    }

    [Fact]
    public async Task Resume_AfterLiveFrames_ReplaysOnlyMissionEvents()
    {
        await using var harness = new MissionsHarness();
        harness.World.EaOwners["ea-carol"] = 11;
        var hub = harness.Services.GetRequiredService<MissionStreamHub>();
        var (first, _) = hub.Subscribe(11, null);
        var before = hub.Publish(11, "mission", new { n = 1 });
        await harness.PublishAsync(Heartbeat("ea-carol", ("EURUSD", 1m)));
        hub.Publish(11, "mission", new { n = 2 });
        hub.Unsubscribe(first!);

        var (resumed, _) = hub.Subscribe(11, before);

        var frames = Drain(resumed!);
        frames.Count(f => f.Contains("event: mission")).ShouldBe(1);
        frames.ShouldNotContain(f => f.Contains("positions"));
    }

    private static EaHeartbeatReceived Heartbeat(string ea, params (string Symbol, decimal Profit)[] positions) => new(
        ea, "USD", 10_000m, 10_009.25m, 100m, 9_900m, null, 0,
        [.. positions.Select((p, i) => new EaPosition(1000 + i, null, p.Symbol, Side.Buy, 0.1m, 1.1m, null, null, p.Profit, 1_767_614_000_000))],
        1_767_614_400_000, DateTimeOffset.FromUnixTimeMilliseconds(1_767_614_400_000));

    private static List<string> Drain(StreamClient client)
    {
        var frames = new List<string>();
        while (client.Reader.TryRead(out var frame))
        {
            frames.Add(Encoding.UTF8.GetString(frame.Span));
        }

        return frames;
    }
}
