using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Persistence;
using Bitten.Modules.Signals.Publishing;
using Bitten.Modules.Signals.Scoring;
using Bitten.Modules.Signals.Stats;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Signals.Api;

/// <summary>
/// <c>/api/signals</c>, <c>/api/signals/{id}</c>, <c>/api/stats/patterns</c>, <c>/api/market/{symbol}/bars</c>.
/// Signed-in users only; bad query values answer 400 with a message that names the parameter.
/// </summary>
internal static class SignalsEndpoints
{
    public static IEndpointRouteBuilder MapSignalsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization().WithTags("Signals");
        api.MapGet("/signals", ListAsync).WithSummary("Signals, newest first; filters symbol, pattern, status (open|resolved), from/to (ISO 8601), page, page_size.");
        api.MapGet("/signals/{id}", GetAsync).WithSummary("One signal with its score components, shield reasons, key levels and outcome.");
        api.MapGet("/stats/patterns", PatternStatsAsync).WithSummary("Per pattern and symbol: count, wins, losses, win rate with Wilson 95 % interval, average R, expectancy, profit factor.");
        api.MapGet("/stats/report", ReportAsync).WithSummary("The performance report of stored resolved signals created in [from, to): per pattern/symbol/session statistics, equity and drawdown in R, calibration, Monte Carlo — the same report as a backtest's report.json.");
        api.MapGet("/market/{symbol}/bars", BarsAsync).WithSummary("Recent closed bars (tf M1|M5|M15|H1, count ≤ 1000).");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(
        SignalsDbContext db, string? symbol, string? pattern, string? status, DateTimeOffset? from, DateTimeOffset? to, int? page, int? page_size, CancellationToken ct)
    {
        var size = page_size ?? 50;
        var number = page ?? 1;
        if (size is < 1 or > 500)
        {
            return Bad("page_size", "must be 1-500");
        }

        if (number < 1)
        {
            return Bad("page", "must be 1 or more");
        }

        var query = db.Signals.AsNoTracking();
        if (symbol is not null)
        {
            query = query.Where(s => s.Symbol == symbol.ToUpperInvariant());
        }

        if (pattern is not null)
        {
            query = query.Where(s => s.Pattern == pattern.ToUpperInvariant());
        }

        if (status is not null)
        {
            var wanted = status.ToLowerInvariant() switch
            {
                "open" => SignalStatus.Open,
                "resolved" => SignalStatus.Resolved,
                _ => SignalStatus.Unknown,
            };
            if (wanted == SignalStatus.Unknown)
            {
                return Bad("status", "must be open or resolved");
            }

            query = query.Where(s => s.Status == (int)wanted);
        }

        if (from is { } f)
        {
            query = query.Where(s => s.CreatedMs >= f.ToUnixTimeMilliseconds());
        }

        if (to is { } t)
        {
            query = query.Where(s => s.CreatedMs < t.ToUnixTimeMilliseconds());
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(s => s.CreatedMs).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return Results.Ok(new { total, page = number, page_size = size, items = rows.Select(Summary) });
    }

    private static async Task<IResult> GetAsync(SignalsDbContext db, string id, CancellationToken ct)
    {
        if (!Ulid.TryParse(id, out var ulid))
        {
            return Bad("id", "must be a signal id (26-character ULID)");
        }

        var row = await db.Signals.AsNoTracking().FirstOrDefaultAsync(s => s.Id == ulid.Value, ct);
        return row is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such signal", detail: $"There is no signal {ulid.Value}.")
            : Results.Ok(Detail(row));
    }

    private static async Task<IResult> PatternStatsAsync(SignalsDbContext db, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var fromMs = from?.ToUnixTimeMilliseconds() ?? long.MinValue;
        var toMs = to?.ToUnixTimeMilliseconds() ?? long.MaxValue;
        var rows = await db.Signals.AsNoTracking()
            .Where(s => s.Status == (int)SignalStatus.Resolved && s.CreatedMs >= fromMs && s.CreatedMs < toMs)
            .OrderBy(s => s.CreatedMs)
            .Select(s => new { s.Pattern, s.Symbol, s.Outcome, s.RMultiple })
            .ToListAsync(ct);
        var groups = rows.GroupBy(r => (r.Pattern, r.Symbol)).OrderBy(g => g.Key.Pattern, StringComparer.Ordinal).ThenBy(g => g.Key.Symbol, StringComparer.Ordinal)
            .Select(g => new { pattern = g.Key.Pattern, symbol = g.Key.Symbol, stats = Stats(g.Select(r => ((SignalOutcome)r.Outcome, r.RMultiple ?? 0))) });
        var byPattern = rows.GroupBy(r => r.Pattern).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new { pattern = g.Key, stats = Stats(g.Select(r => ((SignalOutcome)r.Outcome, r.RMultiple ?? 0))) });
        return Results.Ok(new { by_pattern = byPattern, by_pattern_and_symbol = groups, overall = Stats(rows.Select(r => ((SignalOutcome)r.Outcome, r.RMultiple ?? 0))) });
    }

    private static async Task<IResult> ReportAsync(SignalsDbContext db, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        if (from is { } f && to is { } t && f >= t)
        {
            return Bad("from", "must be before 'to'");
        }

        var fromMs = from?.ToUnixTimeMilliseconds() ?? long.MinValue;
        var toMs = to?.ToUnixTimeMilliseconds() ?? long.MaxValue;
        var rows = await db.Signals.AsNoTracking()
            .Where(s => s.Status == (int)SignalStatus.Resolved && s.CreatedMs >= fromMs && s.CreatedMs < toMs)
            .Select(s => new { s.Id, s.Symbol, s.Pattern, s.Session, s.CreatedMs, s.ResolvedMs, s.WinProbability, s.Outcome, s.RMultiple })
            .ToListAsync(ct);
        var report = PerformanceReport.From(rows.Select(r => new TradeRow(r.Id, r.Symbol, r.Pattern, (TradingSession)r.Session, r.CreatedMs, r.ResolvedMs ?? r.CreatedMs,
            r.WinProbability, (SignalOutcome)r.Outcome, r.RMultiple ?? 0)));
        var json = ReportJson.Of(report);
        json["kind"] = "live";
        json["from"] = from?.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        json["to"] = to?.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return Results.Text(json.ToJsonString(), "application/json");
    }

    private static async Task<IResult> BarsAsync(SignalsDbContext db, SignalsRuntime runtime, string symbol, string? tf, int? count, CancellationToken ct)
    {
        var info = runtime.Symbols.Find(symbol);
        if (info is null)
        {
            return Bad("symbol", $"'{symbol}' is not one of {runtime.Symbols}");
        }

        var timeframe = (tf ?? "M5").ToUpperInvariant() switch
        {
            "M1" => Timeframe.M1,
            "M5" => Timeframe.M5,
            "M15" => Timeframe.M15,
            "H1" => Timeframe.H1,
            _ => Timeframe.Unknown,
        };
        if (timeframe == Timeframe.Unknown)
        {
            return Bad("tf", "must be M1, M5, M15 or H1");
        }

        var take = count ?? 200;
        if (take is < 1 or > 1000)
        {
            return Bad("count", "must be 1-1000");
        }

        var bars = await db.Bars.AsNoTracking().Where(b => b.Symbol == info.Name && b.Timeframe == (int)timeframe)
            .OrderByDescending(b => b.OpenTimeMs).Take(take).ToListAsync(ct);
        return Results.Ok(new
        {
            symbol = info.Name,
            tf = timeframe.ToString(),
            digits = info.Digits,
            bars = bars.OrderBy(b => b.OpenTimeMs).Select(b => new { t = b.OpenTimeMs, o = b.Open, h = b.High, l = b.Low, c = b.Close, v = b.TickVolume, gap = b.AfterGap }),
        });
    }

    private static object Stats(IEnumerable<(SignalOutcome Outcome, double R)> ordered)
    {
        var s = TradeStatistics.From(ordered.Select(o => (o.Outcome switch
        {
            SignalOutcome.Win => TradeResult.Win,
            SignalOutcome.Loss => TradeResult.Loss,
            _ => TradeResult.Timeout,
        }, o.R)));
        return new
        {
            count = s.Count,
            wins = s.Wins,
            losses = s.Losses,
            timeouts = s.Other,
            win_rate = s.WinRate,
            win_rate_ci95 = new[] { Math.Round(s.WinRateLow, 4), Math.Round(s.WinRateHigh, 4) },
            average_r = Math.Round(s.AverageR, 4),
            expectancy_r = Math.Round(s.ExpectancyR, 4),
            profit_factor = s.ProfitFactor is { } pf ? Math.Round(pf, 3) : (double?)null,
            max_drawdown_r = Math.Round(s.MaxDrawdownR, 3),
            total_r = Math.Round(s.TotalR, 3),
        };
    }

    private static object Summary(SignalRecord s) => new
    {
        signal_id = s.Id,
        symbol = s.Symbol,
        side = s.Side == (int)Side.Buy ? "BUY" : "SELL",
        pattern = s.Pattern,
        entry = s.Entry,
        sl = s.StopLoss,
        tp = s.TakeProfit,
        stop_pips = Math.Round(s.StopPips, 1),
        target_pips = Math.Round(s.TargetPips, 1),
        risk_reward = Math.Round(s.RiskReward, 2),
        confidence = Math.Round(s.Confidence, 1),
        shield_score = s.ShieldScore,
        shield_class = CitadelShield.WireName((ShieldClass)s.ShieldClass),
        win_probability = Math.Round(s.WinProbability, 4),
        expected_value_r = Math.Round(s.ExpectedValueR, 4),
        session = SignalWire.SessionName((TradingSession)s.Session),
        signal_class = s.SignalClass,
        model_version = s.ModelVersion,
        created_ts_ms = s.CreatedMs,
        expires_ts_ms = s.ExpiresMs,
        status = s.Status == (int)SignalStatus.Open ? "open" : "resolved",
        outcome = s.Status == (int)SignalStatus.Open ? null : ((SignalOutcome)s.Outcome).ToString().ToUpperInvariant(),
        r_multiple = s.RMultiple,
    };

    private static object Detail(SignalRecord s) => new
    {
        signal = Summary(s),
        pattern_score = Math.Round(s.PatternScore, 2),
        threshold = s.Threshold,
        bar_open_ts_ms = s.BarOpenMs,
        components = JsonDocument.Parse(s.ComponentsJson).RootElement,
        shield_reasons = JsonDocument.Parse(s.ShieldJson).RootElement,
        context = JsonDocument.Parse(s.ContextJson).RootElement,
        outcome = new { result_pips = s.ResultPips, mfe_pips = s.MfePips, mae_pips = s.MaePips, resolved_ts_ms = s.ResolvedMs },
    };

    private static IResult Bad(string parameter, string rule) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query", detail: $"'{parameter}' {rule}.",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}
