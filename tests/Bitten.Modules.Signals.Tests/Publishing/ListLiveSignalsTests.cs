using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Api;
using Bitten.Modules.Signals.Persistence;
using Bitten.Modules.Signals.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Signals.Tests.Publishing;

public sealed class ListLiveSignalsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDirectory _directory = new("signals-live");
    private readonly SignalsDbContext _db;

    public ListLiveSignalsTests()
    {
        _db = new SignalsDbContext(SchemaSnapshot.Options<SignalsDbContext>(_directory.Combine("signals.db")));
        _db.Database.Migrate();
    }

    [Fact]
    public async Task ListLiveSignals_Always_AnswersTheRecentUnexpiredSignalsOldestFirstAsTheyWereAnnounced()
    {
        _db.Signals.AddRange(
            Record("01JDLIVE0000000000000000B2", created: Now.AddMinutes(-2), expires: Now.AddMinutes(13)),
            Record("01JDLIVE0000000000000000A1", created: Now.AddMinutes(-5), expires: Now.AddMinutes(10)),
            Record("01JDEXPIRED000000000000001", created: Now.AddMinutes(-20), expires: Now.AddMinutes(-5)),
            Record("01JDTOOOLD0000000000000001", created: Now.AddDays(-3), expires: Now.AddDays(1)));
        await _db.SaveChangesAsync();

        var live = await new ListLiveSignalsHandler(_db).Handle(new ListLiveSignals(Now.AddDays(-1), Now), CancellationToken.None);

        live.Select(s => s.SignalId.Value).ShouldBe(["01JDLIVE0000000000000000A1", "01JDLIVE0000000000000000B2"]);
        var first = live[0];
        first.ShouldBe(new SignalPublished(new SignalId("01JDLIVE0000000000000000A1"), "EURUSD", Side.Sell, "ORDER_BLOCK_BOUNCE", Timeframe.M5,
            1.08500m, 1.08700m, 1.08100m, 20.0m, 40.0m, 2.0, 81.23, 7.5, ShieldClass.ShieldApproved, 1.5m, 0.64, 0.92, TradingSession.London, "PRECISION", "m-1",
            Now.AddMinutes(-5), Now.AddMinutes(10), Now.AddMinutes(-5).AddMilliseconds(3)));
    }

    public void Dispose()
    {
        _db.Dispose();
        _directory.Dispose();
    }

    private static SignalRecord Record(string id, DateTimeOffset created, DateTimeOffset expires) => new()
    {
        Id = id,
        Symbol = "EURUSD",
        Side = (int)Side.Sell,
        Pattern = "ORDER_BLOCK_BOUNCE",
        Timeframe = (int)Timeframe.M5,
        Entry = 1.08500m,
        StopLoss = 1.08700m,
        TakeProfit = 1.08100m,
        StopPips = 20.04,
        TargetPips = 39.96,
        RiskReward = 2.00001,
        Confidence = 81.2345,
        ShieldScore = 7.5,
        ShieldClass = (int)ShieldClass.ShieldApproved,
        ShieldMultiplier = 1.5m,
        WinProbability = 0.64,
        ExpectedValueR = 0.92,
        Session = (int)TradingSession.London,
        SignalClass = "PRECISION",
        ModelVersion = "m-1",
        CreatedMs = created.ToUnixTimeMilliseconds(),
        ExpiresMs = expires.ToUnixTimeMilliseconds(),
        RecordedMs = created.ToUnixTimeMilliseconds() + 3,
        Status = 1,
    };
}
