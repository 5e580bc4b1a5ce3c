using System.Diagnostics.Metrics;

namespace Bitten.Modules.Users.Telegram;

/// <summary>Bot API instruments, created through the host's <see cref="IMeterFactory"/> so /metrics exports them.</summary>
internal sealed class TelegramMetrics
{
    public const string MeterName = "Bitten.Modules.Users";

    private readonly Counter<long> _calls;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _badUpdates;
    private readonly Counter<long> _alerts;

    public TelegramMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _calls = meter.CreateCounter<long>("bitten_telegram_calls_total", description: "Bot API calls by method and final outcome");
        _retries = meter.CreateCounter<long>("bitten_telegram_retries_total", description: "Bot API attempts retried, by method and reason");
        _alerts = meter.CreateCounter<long>("bitten_alerts_total", description: "Outbox alerts finished, by outcome (sent, dropped, failed)");
        _badUpdates = meter.CreateCounter<long>("bitten_telegram_bad_updates_total", description: "Updates from getUpdates that could not be read and were skipped");
    }

    public void Call(string method, TelegramOutcome outcome) =>
        _calls.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("outcome", Tag(outcome)));

    public void Retry(string method, string reason) =>
        _retries.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("reason", reason));

    public void BadUpdate() => _badUpdates.Add(1);

    public void Alert(string outcome) => _alerts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static string Tag(TelegramOutcome outcome) => outcome switch
    {
        TelegramOutcome.Ok => "ok",
        TelegramOutcome.Blocked => "blocked",
        TelegramOutcome.RateLimited => "rate_limited",
        TelegramOutcome.BadRequest => "bad_request",
        TelegramOutcome.Unauthorized => "unauthorized",
        TelegramOutcome.ServerError => "server_error",
        TelegramOutcome.Timeout => "timeout",
        TelegramOutcome.NetworkError => "network_error",
        TelegramOutcome.InvalidResponse => "invalid_response",
        TelegramOutcome.NotConfigured => "not_configured",
        _ => "unknown",
    };
}
