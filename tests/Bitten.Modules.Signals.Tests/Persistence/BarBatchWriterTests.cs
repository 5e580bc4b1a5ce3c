using System.Threading.Channels;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Signals.Tests.Persistence;

public sealed class BarBatchWriterTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("bar-batch");

    [Fact]
    public void Write_WhenASignalWaitsMidBatch_CommitsWhatIsWrittenAndLeavesTheRestQueued()
    {
        using var db = Database();
        var bars = Channel.CreateUnbounded<(string, Candle)>();
        for (var i = 0; i < 10; i++)
        {
            bars.Writer.TryWrite(("EURUSD", new Candle(Timeframe.M1, i * 60_000L, 1.1, 1.2, 1.0, 1.15 + (i * 0.00001), 4, 0.00008, i == 0)));
        }

        db.Database.OpenConnection();
        using var writer = new BarBatchWriter(db.Database.GetDbConnection());
        var asked = 0;

        var first = writer.Write(bars.Reader, max: 1_000, yieldTo: () => ++asked > 3);
        var rest = writer.Write(bars.Reader, max: 1_000, yieldTo: () => false);

        first.ShouldBe(3, "a waiting signal stops the batch after the row in hand");
        rest.ShouldBe(7);
        var stored = db.Bars.AsNoTracking().OrderBy(b => b.OpenTimeMs).ToList();
        stored.Count.ShouldBe(10);
        stored[9].Close.ShouldBe(1.15009m);
        stored[0].AfterGap.ShouldBeTrue();
        writer.Write(bars.Reader, max: 1_000, yieldTo: () => false).ShouldBe(0);
    }

    [Fact]
    public void Write_WhenABarClosesAgain_ReplacesTheStoredOne()
    {
        using var db = Database();
        var bars = Channel.CreateUnbounded<(string, Candle)>();
        bars.Writer.TryWrite(("EURUSD", new Candle(Timeframe.M5, 300_000, 1.1, 1.2, 1.0, 1.15, 4, 0.00008, false)));
        bars.Writer.TryWrite(("EURUSD", new Candle(Timeframe.M5, 300_000, 1.1, 1.2, 1.0, 1.16, 9, 0.00008, false)));
        db.Database.OpenConnection();
        using var writer = new BarBatchWriter(db.Database.GetDbConnection());

        writer.Write(bars.Reader, max: 1_000, yieldTo: () => false).ShouldBe(2);

        var stored = db.Bars.AsNoTracking().ShouldHaveSingleItem();
        (stored.Close, stored.TickVolume).ShouldBe((1.16m, 9));
    }

    private SignalsDbContext Database()
    {
        var db = new SignalsDbContext(SchemaSnapshot.Options<SignalsDbContext>(_directory.Combine("signals.db")));
        db.Database.Migrate();
        return db;
    }

    public void Dispose() => _directory.Dispose();
}
