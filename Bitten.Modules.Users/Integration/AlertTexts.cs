using System.Globalization;
using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Missions;
using static System.Net.WebUtility;

namespace Bitten.Modules.Users.Integration;

/// <summary>The Telegram HTML of the alerts the Users module sends for other modules' facts.</summary>
internal static class AlertTexts
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Mission(MissionCreated m)
    {
        var side = m.Side == Side.Buy ? "BUY" : "SELL";
        var head = $"🎯 <b>{HtmlEncode(m.Symbol)} {side}</b> · {HtmlEncode(m.Pattern)}\n" +
                   $"Entry {m.Entry.ToString(Inv)} · SL {m.StopLoss.ToString(Inv)} · TP {m.TakeProfit.ToString(Inv)}\n" +
                   $"Win probability {m.WinProbability.ToString("P0", Inv)} · expires {m.ExpiresAt.UtcDateTime.ToString("HH:mm", Inv)} UTC";
        return m.Fireable
            ? head + $"\nVolume <b>{m.Volume.ToString(Inv)}</b> lots · risk {m.RiskMoney.ToString("0.00", Inv)} {HtmlEncode(m.AccountCurrency)} · reward {m.RewardMoney.ToString("0.00", Inv)} {HtmlEncode(m.AccountCurrency)}"
            : head + $"\n<i>View only: {HtmlEncode(m.NotFireableReason ?? "this mission cannot be fired")}</i>";
    }

    public static string Filled(FireFilled f) =>
        $"✅ <b>Filled</b> {HtmlEncode(f.Symbol)} {(f.Side == Side.Buy ? "BUY" : "SELL")} {f.Volume.ToString(Inv)} lots at {f.Price.ToString(Inv)}\n" +
        $"SL {f.StopLoss.ToString(Inv)} · TP {f.TakeProfit.ToString(Inv)} · position #{f.Position.ToString(Inv)}";

    public static string Failed(FireFailed f) =>
        $"⚠️ <b>Fire {HtmlEncode(f.Outcome.ToString().ToLowerInvariant())}</b>: {HtmlEncode(f.Reason)}" +
        (f.Retcode is { } code ? $" (retcode {code.ToString(Inv)})" : string.Empty);

    public static string Closed(TradeClosed t) =>
        $"{(t.Profit >= 0 ? "🏁" : "🛑")} <b>Closed</b> {HtmlEncode(t.Symbol)} {(t.Side == Side.Buy ? "BUY" : "SELL")} {t.Volume.ToString(Inv)} lots\n" +
        $"{t.OpenPrice.ToString(Inv)} → {t.ClosePrice.ToString(Inv)} · {t.Profit.ToString("+0.00;-0.00", Inv)} {HtmlEncode(t.Currency)} · {t.RMultiple.ToString("+0.00;-0.00", Inv)} R · {HtmlEncode(t.Reason.ToString())}";
}
