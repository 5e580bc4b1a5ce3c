using Bitten.Contracts.Common;
using Bitten.Simulator.Broker;
using Bitten.Zmq;

namespace Bitten.Simulator.Protocol;

internal sealed partial class PaperEaService
{
    private const int FiresRemembered = 1_000;
    private const int ClosesRemembered = 200;
    private readonly System.Collections.Concurrent.ConcurrentQueue<CloseReport> _recentCloses = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _firesReceived = new();
    private readonly HashSet<string> _commandsSeen = new(StringComparer.Ordinal);
    private readonly Queue<string> _commandOrder = new();

    /// <summary>Receives one command from the ROUTER and answers it on the report socket.</summary>
    private async Task CommandStepAsync(ZmqSocket dealer, CancellationToken ct)
    {
        using var message = await dealer.ReceiveAsync(ct);
        var command = CommandReader.Read(message[message.FrameCount - 1], setup.Options.BrokerSuffix);
        await HandleAsync(command, ct);
    }

    private async Task HandleAsync(ServerCommand command, CancellationToken ct)
    {
        var now = _clock!.NowMs;
        switch (command.Type)
        {
            case ServerCommandType.HelloAck:
                _helloAcked = command.Ok;
                Log.HelloAcknowledged(logger, EaId, command.Ok, command.Error);
                if (command.Ok)
                {
                    await _feed!.SendAsync(_messages.Symbols(_broker), ct);
                    HeartbeatSoon();
                    await ReplayClosesAsync(ct);
                }

                break;
            case ServerCommandType.Fire:
                var order = command.Fire!;
                RememberFire(order.FireId);
                var result = _broker.Fire(order, now, WallMs);
                Log.FireAnswered(logger, order.FireId, EaId, result.Status.ToString(), order.Symbol, order.Side == Side.Buy ? "BUY" : "SELL", result.Volume, result.Price, result.Retcode, result.Message);
                await _reports!.SendAsync(_messages.Confirmation(result, now), ct);
                if (result.Status == FireStatus.Filled)
                {
                    HeartbeatSoon();
                }

                break;
            case ServerCommandType.Close:
                if (!FirstTime(command.CommandId))
                {
                    Log.CommandRejected(logger, EaId, $"close {command.CommandId} of position {command.Position} was already done; the repeat is ignored");
                }
                else if (_broker.Close(command.Position, command.Volume, now) is { } closed)
                {
                    await SendCloseAsync(closed, ct);
                }
                else
                {
                    Log.CommandRejected(logger, EaId, $"close: position {command.Position} (fire {command.FireId}) is not open");
                }

                break;
            case ServerCommandType.Modify:
                if (_broker.Modify(command.Position, command.Sl, command.Tp) is { } refused)
                {
                    Log.ModifyRefused(logger, command.FireId ?? string.Empty, command.Position, EaId, refused);
                }

                HeartbeatSoon();
                break;
            case ServerCommandType.CloseAll:
                foreach (var report in _broker.CloseAll(now))
                {
                    await SendCloseAsync(report, ct);
                }

                break;
            case ServerCommandType.Ping:
                await _reports!.SendAsync(_messages.Pong(command.PingId!, WallMs), ct);
                break;
            default:
                Log.CommandRejected(logger, EaId, command.Error ?? "unknown command");
                break;
        }
    }

    private async ValueTask SendCloseAsync(CloseReport report, CancellationToken ct)
    {
        Log.PositionClosed(logger, report.FireId, report.Position, EaId, EaMessages.ReasonText(report.Reason), report.ClosePrice, report.Profit);
        await _reports!.SendAsync(_messages.CloseReport(report), ct);
        _recentCloses.Enqueue(report);
        while (_recentCloses.Count > ClosesRemembered && _recentCloses.TryDequeue(out _))
        {
        }

        HeartbeatSoon();
    }

    /// <summary>
    /// After every accepted hello, the close reports of the recent past go out again (as a terminal's EA replays its deal
    /// history): a close that happened while the server was away, or whose report was lost with it, is settled now. The
    /// server ignores the ones it already has (close reports are idempotent on fire_id and position).
    /// </summary>
    private async Task ReplayClosesAsync(CancellationToken ct)
    {
        var replay = _recentCloses.ToArray();
        foreach (var report in replay)
        {
            await _reports!.SendAsync(_messages.CloseReport(report), ct);
        }

        if (replay.Length > 0)
        {
            Log.ClosesReplayed(logger, EaId, replay.Length);
        }
    }

    /// <summary>
    /// True the first time a close's <c>command_id</c> is seen (or when it has none): a server that re-sends a partial
    /// close it could not see acknowledged never closes twice. The last <see cref="FiresRemembered"/> ids are kept.
    /// </summary>
    private bool FirstTime(string? commandId)
    {
        if (string.IsNullOrEmpty(commandId))
        {
            return true;
        }

        lock (_commandsSeen)
        {
            if (!_commandsSeen.Add(commandId))
            {
                return false;
            }

            _commandOrder.Enqueue(commandId);
            while (_commandOrder.Count > FiresRemembered)
            {
                _commandsSeen.Remove(_commandOrder.Dequeue());
            }

            return true;
        }
    }

    /// <summary>The fire ids of the last <see cref="FiresRemembered"/> <c>fire</c> commands received, oldest first.</summary>
    internal IReadOnlyList<string> FiresReceived => [.. _firesReceived];

    private void RememberFire(string fireId)
    {
        _firesReceived.Enqueue(fireId);
        while (_firesReceived.Count > FiresRemembered && _firesReceived.TryDequeue(out _))
        {
        }
    }
}
