namespace Bitten.Modules.Users.Alerts;

/// <summary>Wakes the sender when an alert is committed, so it does not wait for its next scheduled look.</summary>
internal sealed class AlertSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // already signalled
        }
    }

    public Task WaitAsync(CancellationToken ct) => _signal.WaitAsync(ct);
}
