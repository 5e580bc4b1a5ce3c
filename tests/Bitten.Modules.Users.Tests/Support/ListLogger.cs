using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Users.Tests.Support;

/// <summary>Captures formatted log lines (and exception text) for assertions such as "the token never appears".</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue($"{logLevel} {eventId.Id} {formatter(state, exception)} {exception}");
}
