using System.Globalization;
using Bitten.Modules.Signals.Engine;

namespace Bitten.Modules.Signals.Tests.Engine;

/// <summary>The id-independent fields of a signal, as one line (what regression pins compare).</summary>
internal static class SignalFingerprint
{
    public static string Of(EngineSignal s) => string.Create(CultureInfo.InvariantCulture,
        $"{DateTimeOffset.FromUnixTimeMilliseconds(s.BarOpenMs):yyyy-MM-ddTHH:mm}Z {s.Symbol} {s.Candidate.Pattern} {s.Side} " +
        $"entry={s.Candidate.Entry:F5} sl={s.Candidate.StopLoss:F5} tp={s.Candidate.TakeProfit:F5} tcs={s.Tcs:F2} " +
        $"shield={s.Shield.Score:F2} p={s.WinProbability:F4} ev={s.ExpectedValueR:F4} {s.Session}");
}
