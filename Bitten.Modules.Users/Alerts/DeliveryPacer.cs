namespace Bitten.Modules.Users.Alerts;

/// <summary>
/// Telegram's broadcast limits: at most N messages in any one-second window overall, and a minimum
/// spacing per chat. Used by the single sender loop only (not thread-safe on purpose).
/// </summary>
internal sealed class DeliveryPacer(int globalPerSecond, TimeSpan perChatInterval)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Dictionary<long, DateTimeOffset> _lastByChat = [];

    /// <summary>How long until a message to <paramref name="chatId"/> may go; zero when it may go now.</summary>
    public TimeSpan WaitFor(long chatId, DateTimeOffset now)
    {
        while (_recent.Count > 0 && now - _recent.Peek() >= Window)
        {
            _recent.Dequeue();
        }

        var wait = _recent.Count >= globalPerSecond ? _recent.Peek() + Window - now : TimeSpan.Zero;
        if (_lastByChat.TryGetValue(chatId, out var last) && now - last < perChatInterval)
        {
            var chatWait = last + perChatInterval - now;
            wait = chatWait > wait ? chatWait : wait;
        }

        return wait;
    }

    public void Sent(long chatId, DateTimeOffset at)
    {
        _recent.Enqueue(at);
        _lastByChat[chatId] = at;
        if (_lastByChat.Count > 10_000)
        {
            foreach (var stale in _lastByChat.Where(p => at - p.Value >= perChatInterval).Select(p => p.Key).ToList())
            {
                _lastByChat.Remove(stale);
            }
        }
    }
}
