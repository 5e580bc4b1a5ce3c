using Microsoft.Extensions.Options;

namespace Bitten.Modules.Execution.Tests.Fires;

/// <summary><c>Modules:Execution:HoldOutbox</c> stops every fire: it exists for the fault tests and is refused anywhere else.</summary>
public sealed class HoldOutboxOptionTests
{
    [Fact]
    public async Task Start_WithHoldOutboxOutsideTesting_IsRefusedWithTheReason()
    {
        using var directory = new TemporaryDirectory("execution-hold-prod");

        var ex = await Should.ThrowAsync<OptionsValidationException>(() =>
            Harness.ExecutionHost.StartAsync(directory.Path, settings: new() { ["Modules:Execution:HoldOutbox"] = "true" }, environment: "Production"));

        ex.Message.ShouldContain("HoldOutbox is test-only");
    }

    [Fact]
    public async Task Start_WithHoldOutboxInTesting_Starts()
    {
        using var directory = new TemporaryDirectory("execution-hold-testing");

        await using var host = await Harness.ExecutionHost.StartAsync(directory.Path, settings: new() { ["Modules:Execution:HoldOutbox"] = "true" }, environment: "Testing");

        ((IOptions<ExecutionOptions>)host.Services.GetService(typeof(IOptions<ExecutionOptions>))!).Value.HoldOutbox.ShouldBeTrue();
    }
}
