using System.Globalization;
using System.Text.Json;
using Bitten.Simulator.Protocol;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bitten.Simulator.Tests.Protocol;

public sealed class PaperEaProtocolTests : IAsyncLifetime
{
    private const string EaId = "sim-test-1";
    private const string Token = "secret-token-1";
    private readonly FakeServer _server = new();
    private readonly CancellationTokenSource _stop = new();
    private PaperEaService? _ea;

    public async Task InitializeAsync()
    {
        var options = new SimulatorOptions
        {
            EaId = EaId,
            EaToken = Token,
            Speed = 1000,
            StartTime = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero), // Monday, London session
            Symbols = ["EURUSD", "USDJPY", "XAUUSD"],
            HeartbeatSeconds = 1,
            HelloRetrySeconds = 1,
            SlippagePoints = 0,
        };
        _ea = new PaperEaService(SimulatorSetup.From(options, new SimulatorIdentity(true, EaId, Token)), _server.Endpoints, TimeProvider.System, NullLogger<PaperEaService>.Instance);
        await _ea.StartAsync(_stop.Token);
    }

    public async Task DisposeAsync()
    {
        await _ea!.StopAsync(CancellationToken.None);
        _ea.Dispose();
        await _server.DisposeAsync();
        _stop.Dispose();
    }

    [Fact]
    public async Task Start_WhenServerListens_SendsHelloWithEveryProtocolField()
    {
        var hello = await FakeServer.WaitForAsync(_server.CommandMessages, FakeServer.OfType("hello"), "the EA says hello");

        _server.CommandMessages.First(m => m.Json.GetProperty("type").GetString() == "hello").RoutingId.ShouldBe(EaId);
        foreach (var field in new[] { "v", "ea_id", "ea_token", "account_login", "broker", "server", "currency", "balance", "equity", "leverage", "broker_utc_offset_s", "ea_version", "ts_ms" })
        {
            hello.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        hello.GetProperty("ea_token").GetString().ShouldBe(Token);
        hello.GetProperty("balance").GetDecimal().ShouldBe(10_000m);
    }

    [Fact]
    public async Task Start_WhenNoHelloAck_SaysHelloAgain()
    {
        await Wait.UntilAsync(() => _server.CommandMessages.Count(m => m.Json.GetProperty("type").GetString() == "hello") >= 2,
            TimeSpan.FromSeconds(20), "the EA repeats hello when no hello_ack arrives");
    }

    [Fact]
    public async Task HelloAck_WhenOk_FeedCarriesSymbolsHeartbeatsAndTicks()
    {
        await FakeServer.WaitForAsync(_server.CommandMessages, FakeServer.OfType("hello"), "hello");
        _server.SendToEa(EaId, """{"type":"hello_ack","ok":true,"server_time_ms":1,"protocol":1}""");

        var symbols = await FakeServer.WaitForAsync(_server.FeedMessages, FakeServer.OfType("symbols"), "symbols on the feed");
        await FakeServer.WaitForAsync(_server.FeedMessages, FakeServer.OfType("heartbeat"), "a heartbeat on the feed");
        await FakeServer.WaitForAsync(_server.CommandMessages, FakeServer.OfType("heartbeat"), "a heartbeat on the command socket");
        await Wait.UntilAsync(() => _server.LastTicks.Count == 3, TimeSpan.FromSeconds(20), "ticks of every symbol");

        var eurusd = symbols.GetProperty("symbols").EnumerateArray().Single(s => s.GetProperty("symbol").GetString() == "EURUSD");
        eurusd.GetProperty("broker_symbol").GetString().ShouldBe("EURUSD.sim");
        eurusd.GetProperty("digits").GetInt32().ShouldBe(5);
        eurusd.GetProperty("tick_value").GetDecimal().ShouldBe(1m);
        var tick = _server.LastTicks["USDJPY"];
        tick.GetProperty("ea_id").GetString().ShouldBe(EaId);
        tick.GetProperty("ea_token").GetString().ShouldBe(Token);
        tick.GetProperty("bid").GetDecimal().ShouldBeInRange(100m, 200m);
        tick.GetProperty("ts_ms").GetInt64().ShouldBeGreaterThanOrEqualTo(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Fire_WhenSent_IsConfirmedThenClosedByStopOrTarget()
    {
        var confirmation = await FireWithTightStopsAsync("fire-1");

        var fireId = confirmation.GetProperty("fire_id").GetString()!;
        confirmation.GetProperty("status").GetString().ShouldBe("filled");
        confirmation.GetProperty("retcode").GetInt32().ShouldBe(10009);
        confirmation.GetProperty("ea_token").GetString().ShouldBe(Token);
        var position = confirmation.GetProperty("position").GetInt64();

        var close = await FakeServer.WaitForAsync(_server.ReportMessages, FakeServer.OfType("close_report"), "the position closes as the price moves");
        close.GetProperty("fire_id").GetString().ShouldBe(fireId);
        close.GetProperty("position").GetInt64().ShouldBe(position);
        close.GetProperty("reason").GetString().ShouldBeOneOf("tp", "sl");
        close.GetProperty("volume").GetDecimal().ShouldBe(0.1m);
    }

    [Fact]
    public async Task HelloAck_AfterAClose_ReplaysTheCloseReportSoAMissedCloseIsSettled()
    {
        var tick = await LastTickAsync("EURUSD");
        var ask = tick.GetProperty("ask").GetDecimal();
        _server.SendToEa(EaId, FireJson("fire-r", "EURUSD.sim", "BUY", 0.1m, ask - 0.05m, ask + 0.05m)); // stops far away: the close below is the only one
        var fill = await FakeServer.WaitForAsync(_server.ReportMessages, FakeServer.OfType("confirmation", c => c.GetProperty("fire_id").GetString() == "fire-r"), "the fill");
        fill.GetProperty("status").GetString().ShouldBe("filled");
        _server.SendToEa(EaId, """{"type":"close_all"}""");
        var first = await FakeServer.WaitForAsync(_server.ReportMessages, FakeServer.OfType("close_report", c => c.GetProperty("fire_id").GetString() == "fire-r"), "the position closes");

        // The server comes back (or never got the report): it acknowledges a hello again.
        _server.SendToEa(EaId, """{"type":"hello_ack","ok":true,"server_time_ms":2,"protocol":1}""");

        await Wait.UntilAsync(() => _server.ReportMessages.Count(m => m.Json.GetProperty("type").GetString() == "close_report" && m.Json.GetProperty("fire_id").GetString() == "fire-r") >= 2,
            TimeSpan.FromSeconds(20), "the close report was replayed after the hello_ack");
        var replayed = _server.ReportMessages.Last(m => m.Json.GetProperty("type").GetString() == "close_report").Json;
        replayed.GetProperty("position").GetInt64().ShouldBe(first.GetProperty("position").GetInt64());
        replayed.GetProperty("close_price").GetDecimal().ShouldBe(first.GetProperty("close_price").GetDecimal());
        replayed.GetProperty("profit").GetDecimal().ShouldBe(first.GetProperty("profit").GetDecimal());
    }

    [Fact]
    public async Task Fire_WhenRepeated_IsAnsweredDuplicateWithTheOriginalResult()
    {
        var tick = await LastTickAsync("XAUUSD");
        var bid = tick.GetProperty("bid").GetDecimal();
        var fire = FireJson("fire-dup", "XAUUSD", "SELL", 0.01m, bid + 50m, bid - 50m);

        _server.SendToEa(EaId, fire);
        await FakeServer.WaitForAsync(_server.ReportMessages, FakeServer.OfType("confirmation"), "the first confirmation");
        _server.SendToEa(EaId, fire);

        var duplicate = await FakeServer.WaitForAsync(_server.ReportMessages, FakeServer.OfType("confirmation", c => c.GetProperty("status").GetString() == "duplicate"), "the duplicate");
        var original = _server.ReportMessages.First(m => m.Json.GetProperty("type").GetString() == "confirmation").Json;
        original.GetProperty("status").GetString().ShouldBe("filled");
        duplicate.GetProperty("position").GetInt64().ShouldBe(original.GetProperty("position").GetInt64());
        duplicate.GetProperty("price").GetDecimal().ShouldBe(original.GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task Fire_WhenExpired_IsRejected()
    {
        await LastTickAsync("EURUSD");
        var expired = DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeMilliseconds();

        _server.SendToEa(EaId, FireJson("fire-old", "EURUSD", "BUY", 0.1m, 1m, 2m, expired));

        var confirmation = await FakeServer.WaitForAsync(_server.ReportMessages, FakeServer.OfType("confirmation"), "a rejection");
        confirmation.GetProperty("status").GetString().ShouldBe("rejected");
        confirmation.GetProperty("retcode").GetInt32().ShouldBe(10006);
    }

    [Fact]
    public async Task CloseAll_WhenPositionsOpen_ReportsEachCloseAsServer()
    {
        var tick = await LastTickAsync("USDJPY");
        var ask = tick.GetProperty("ask").GetDecimal();
        _server.SendToEa(EaId, FireJson("fire-ca", "USDJPY", "BUY", 0.2m, ask - 5m, ask + 5m));
        await FakeServer.WaitForAsync(_server.ReportMessages, FakeServer.OfType("confirmation"), "the fill");

        _server.SendToEa(EaId, """{"type":"close_all"}""");

        var close = await FakeServer.WaitForAsync(_server.ReportMessages, FakeServer.OfType("close_report"), "the close report");
        close.GetProperty("reason").GetString().ShouldBe("server");
        close.GetProperty("fire_id").GetString().ShouldBe("fire-ca");
    }

    [Fact]
    public async Task Ping_WhenSent_IsAnsweredWithPongOnTheReportSocket()
    {
        await FakeServer.WaitForAsync(_server.CommandMessages, FakeServer.OfType("hello"), "the EA is connected");

        _server.SendToEa(EaId, """{"type":"ping","ping_id":"p-77"}""");

        var pong = await FakeServer.WaitForAsync(_server.ReportMessages, FakeServer.OfType("pong"), "a pong");
        pong.GetProperty("ping_id").GetString().ShouldBe("p-77");
        pong.GetProperty("ea_id").GetString().ShouldBe(EaId);
    }

    [Fact]
    public async Task Reconnect_WhenTheServerComesBack_SaysHelloAgain()
    {
        await FakeServer.WaitForAsync(_server.CommandMessages, FakeServer.OfType("hello"), "the first hello");
        _server.SendToEa(EaId, """{"type":"hello_ack","ok":true,"server_time_ms":1,"protocol":1}""");
        await Wait.UntilAsync(() => _ea!.Status().HelloAcknowledged, TimeSpan.FromSeconds(20), "the EA saw the hello_ack");
        var port = await _server.Endpoints.PortAsync("commands");

        await _server.RestartRouterAsync(port);

        await FakeServer.WaitForAsync(_server.CommandMessages, FakeServer.OfType("hello"), "a hello on the new connection");
    }

    [Fact]
    public async Task Status_WhenRunning_ReportsTicksAndTheAccountForHealthz()
    {
        await LastTickAsync("EURUSD");
        var health = await new SimulatorHealthContributor(_ea!, SimulatorSetup.From(new SimulatorOptions { EaId = EaId }, new SimulatorIdentity(true, EaId, Token)))
            .CheckAsync(CancellationToken.None);

        health.State.ShouldBe(Bitten.Contracts.Hosting.HealthState.Healthy);
        ((long)health.Data["ticks_sent"]!).ShouldBeGreaterThan(0);
        health.Data["balance"].ShouldBe(10_000m);
        health.Data.Keys.ShouldNotContain("ea_token");
    }

    [Fact]
    public async Task Close_WhenPartialAndRepeatedWithTheSameCommandId_ClosesHalfOnceThenModifyMovesTheStop()
    {
        var tick = await LastTickAsync("USDJPY");
        var ask = tick.GetProperty("ask").GetDecimal();
        _server.SendToEa(EaId, FireJson("fire-bm", "USDJPY", "BUY", 0.2m, ask - 5m, ask + 5m));
        var fill = await FakeServer.WaitForAsync(_server.ReportMessages, FakeServer.OfType("confirmation", c => c.GetProperty("fire_id").GetString() == "fire-bm"), "the fill");
        var position = fill.GetProperty("position").GetInt64();
        var close = string.Create(CultureInfo.InvariantCulture, $$"""{"type":"close","fire_id":"fire-bm","position":{{position}},"volume":0.1,"command_id":"fire-bm.p"}""");

        _server.SendToEa(EaId, close);
        _server.SendToEa(EaId, close); // BITMODE re-sends a close it could not see acknowledged: the same command id
        var stop = ask - 1m;
        _server.SendToEa(EaId, string.Create(CultureInfo.InvariantCulture, $$"""{"type":"modify","fire_id":"fire-bm","position":{{position}},"sl":{{stop}},"tp":{{ask + 5m}},"command_id":"fire-bm.b"}"""));

        var partial = await FakeServer.WaitForAsync(_server.ReportMessages, FakeServer.OfType("close_report", c => c.GetProperty("fire_id").GetString() == "fire-bm"), "the partial close report");
        partial.GetProperty("volume").GetDecimal().ShouldBe(0.1m);
        partial.GetProperty("position").GetInt64().ShouldBe(position);
        var heartbeat = await FakeServer.WaitForAsync(_server.CommandMessages, FakeServer.OfType("heartbeat", h => h.GetProperty("positions").EnumerateArray()
            .Any(p => p.GetProperty("fire_id").GetString() == "fire-bm" && p.GetProperty("sl").GetDecimal() == stop)), "a heartbeat with the moved stop");
        var held = heartbeat.GetProperty("positions").EnumerateArray().Single(p => p.GetProperty("fire_id").GetString() == "fire-bm");
        held.GetProperty("volume").GetDecimal().ShouldBe(0.1m, "the repeated close changed nothing");
        _server.ReportMessages.Count(m => m.Json.GetProperty("type").GetString() == "close_report" && m.Json.GetProperty("fire_id").GetString() == "fire-bm").ShouldBe(1);
    }

    /// <summary>
    /// Fires a EURUSD buy with stops 4 pips either side of the last ask, so that the price soon reaches one of them.
    /// At ×1000 the price can move past such a stop between reading the tick and the fire arriving on a slow machine;
    /// the broker then rightly refuses the stops, and the test fires again from a fresh tick (a new fire id).
    /// </summary>
    private async Task<JsonElement> FireWithTightStopsAsync(string fireIdPrefix)
    {
        for (var attempt = 1; ; attempt++)
        {
            var ask = (await LastTickAsync("EURUSD")).GetProperty("ask").GetDecimal();
            var fireId = $"{fireIdPrefix}-{attempt}";
            _server.SendToEa(EaId, FireJson(fireId, "EURUSD.sim", "BUY", 0.1m, ask - 0.0004m, ask + 0.0004m));
            var confirmation = await FakeServer.WaitForAsync(_server.ReportMessages, FakeServer.OfType("confirmation", c => c.GetProperty("fire_id").GetString() == fireId), "a confirmation");
            if (confirmation.GetProperty("status").GetString() == "filled" || attempt == 5 || confirmation.GetProperty("retcode").GetInt32() != 10016)
            {
                return confirmation;
            }
        }
    }

    private async Task<JsonElement> LastTickAsync(string symbol)
    {
        await FakeServer.WaitForAsync(_server.CommandMessages, FakeServer.OfType("hello"), "the EA is connected");
        await Wait.UntilAsync(() => _server.LastTicks.ContainsKey(symbol), TimeSpan.FromSeconds(20), $"a {symbol} tick");
        return _server.LastTicks[symbol];
    }

    private static string FireJson(string fireId, string brokerSymbol, string side, decimal volume, decimal sl, decimal tp, long? expires = null) =>
        string.Create(CultureInfo.InvariantCulture, $$"""
            {"type":"fire","v":1,"fire_id":"{{fireId}}","symbol":"{{brokerSymbol.Replace(".sim", string.Empty, StringComparison.Ordinal)}}","broker_symbol":"{{brokerSymbol}}","side":"{{side}}","volume":{{volume}},"sl":{{sl}},"tp":{{tp}},"max_deviation_points":20,"expires_ts_ms":{{expires ?? DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds()}},"comment":"test"}
            """);
}
