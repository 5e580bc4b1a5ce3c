using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Persistence;
using Bitten.Modules.Signals.Replay;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Signals.Tests.Replay;

public sealed class StoredBarReaderTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("stored-bars");

    [SharedDataFact("fx/histdata_eurusd_m1_2017")]
    public void Read_WhenASignalsDatabaseHoldsRealBars_StreamsThatSymbolsM1BarsInOrderWithTheirSpread()
    {
        var real = HistoryFiles.All(new HistDataReader(HistoryFiles.HistData("01"))).Take(2_000).ToList();
        var path = Database(real.Select(b => Stored("EURUSD", 1, b)).Concat(real.Take(10).Select(b => Stored("GBPUSD", 1, b))).Concat(real.Take(10).Select(b => Stored("EURUSD", 5, b))));

        var bars = HistoryFiles.All(new StoredBarReader(path, "EURUSD"));

        bars.Count.ShouldBe(2_000, "only EURUSD M1");
        bars.Select(b => b.OpenTimeMs).ShouldBe(real.Select(b => b.OpenTimeMs));
        bars.Select(b => b.Close).ShouldBe(real.Select(b => b.Close));
        bars.ShouldAllBe(b => b.Spread == 0.00008);
    }

    [Fact]
    public void Read_WhenARowIsBroken_NamesTheFileRowAndColumn()
    {
        var path = Database([Stored("EURUSD", 1, new HistoricalBar(60_000, 1.1, 1.2, 1.0, 1.1, 3)), Stored("EURUSD", 1, new HistoricalBar(120_000, 1.1, 1.2, 1.0, 1.1, 3))]);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE bars SET low = '1.3' WHERE open_time_ms = 120000";
            command.ExecuteNonQuery();
        }

        var error = Should.Throw<HistoryFormatException>(() => HistoryFiles.All(new StoredBarReader(path, "EURUSD")));

        (error.File, error.Line, error.Column).ShouldBe(("signals.db", 2L, 2));
        error.Message.ShouldContain("low <= open");
    }

    [Fact]
    public void Open_WhenNotADatabase_SaysSo()
    {
        var path = _directory.Combine("bars.db");
        File.WriteAllText(path, "not sqlite at all, just text long enough to be read as a header by sqlite");

        Should.Throw<HistoryFormatException>(() => new StoredBarReader(path, "EURUSD").Dispose()).Message.ShouldContain("not a readable BITTEN signals database");
    }

    private static StoredBar Stored(string symbol, int tf, HistoricalBar b) => new()
    {
        Symbol = symbol, Timeframe = tf, OpenTimeMs = b.OpenTimeMs, Open = (decimal)b.Open, High = (decimal)b.High, Low = (decimal)b.Low, Close = (decimal)b.Close,
        TickVolume = 4, MeanSpread = 0.00008m,
    };

    private string Database(IEnumerable<StoredBar> bars)
    {
        var path = _directory.Combine("signals.db");
        using var db = new SignalsDbContext(SchemaSnapshot.Options<SignalsDbContext>(path));
        db.Database.Migrate();
        db.Bars.AddRange(bars);
        db.SaveChanges();
        return path;
    }

    public void Dispose() => _directory.Dispose();
}
