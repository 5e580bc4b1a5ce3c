using Bitten.Simulator.Market;

namespace Bitten.Simulator.Protocol;

internal sealed partial class PaperEaService
{
    private static readonly TimeSpan MaxNap = TimeSpan.FromSeconds(1);
    private MarketGenerator? _generator;
    private volatile bool _warmingUp = true;

    /// <summary>True once the warm-up history has been sent and the clock runs at the configured speed.</summary>
    internal bool WarmedUp => !_warmingUp;

    /// <summary>Emits every tick whose simulated time has come; otherwise sleeps (at most a second) until the next one.</summary>
    private async Task MarketStepAsync(CancellationToken ct)
    {
        var clock = _clock!;
        _generator ??= new MarketGenerator(setup.Profiles, setup.Options.Seed, DateTimeOffset.FromUnixTimeMilliseconds(clock.WarmUpStartMs), openAtWeekends: setup.Options.OpenAtWeekends == true);
        if (_warmingUp && !clock.WarmingUp)
        {
            _warmingUp = false;
            Log.WarmedUp(logger, EaId, Interlocked.Read(ref _ticksSent), DateTimeOffset.FromUnixTimeMilliseconds(clock.NowMs), clock.Speed);
        }

        var wait = clock.WallUntil(_generator.NextTsMs);
        if (wait > TimeSpan.FromMilliseconds(2))
        {
            await Task.Delay(wait < MaxNap ? wait : MaxNap, time, ct);
            return;
        }

        var horizon = clock.NowMs;
        for (var i = 0; i < 5_000 && _generator.NextTsMs <= horizon; i++)
        {
            var tick = _generator.Next();
            var profile = setup.Profiles[tick.SymbolIndex];
            var closed = _broker.OnQuote(profile.Symbol, tick.Bid, tick.Ask, tick.TsMs);
            _feed!.Offer(_messages.Tick(profile, tick));
            Interlocked.Increment(ref _ticksSent);
            foreach (var report in closed)
            {
                await SendCloseAsync(report, ct);
            }
        }

        await Task.Yield();
    }
}
