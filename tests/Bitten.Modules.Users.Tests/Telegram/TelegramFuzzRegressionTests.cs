using Bitten.Modules.Users.Telegram;
using Bitten.Modules.Users.Tests.Support;

namespace Bitten.Modules.Users.Tests.Telegram;

/// <summary>Bot API answers found by bench/Bitten.Bench.Fuzz that threw, or let a null through to the handlers.</summary>
public sealed class TelegramFuzzRegressionTests
{
    [Theory]
    [InlineData("""{"update_id":8,"callback_query":{"data":"fire:1"}}""")] // no id, no from: CommandRouter met callback.From.Id as a null
    [InlineData("""{"update_id":9,"callback_query":{"id":"c","from":{"id":5,"is_bot":false}}}""")]
    [InlineData("""{"update_id":10,"message":{"message_id":1,"date":1,"text":"/start"}}""")] // no chat
    [InlineData("""{"update_id":11,"callback_query":{"id":"c","from":{"id":5,"is_bot":false,"first_name":"A"},"message":{"message_id":1,"date":1}}}""")]
    public async Task GetUpdates_WhenAnUpdateLacksAFieldTheHandlersNeed_SkipsAndCountsIt(string update)
    {
        await using var f = await BotClientFixture.StartAsync();
        f.Api.Script("getUpdates", Scripted.Ok($"[{update}]"));

        var result = await f.Client.GetUpdatesAsync(0, TimeSpan.Zero, CancellationToken.None);

        result.Outcome.ShouldBe(TelegramOutcome.Ok);
        result.Value!.Updates.ShouldBeEmpty();
        result.Value.Skipped.ShouldBe(1);
        f.Metrics.Sum("bitten_telegram_bad_updates_total").ShouldBe(1);
    }

    [Fact]
    public async Task GetUpdates_WhenLookingForUpdateIdMeetsAnUndecodableName_SkipsAndCountsIt()
    {
        // minimized (a webhook body): {"":false,"":9,"\udc0etion":"","":{"":3}} — TryGetProperty("update_id") threw before the try
        await using var f = await BotClientFixture.StartAsync();
        var update = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String("eyIiOmZhbHNlLCIiOjksIlx1ZGMwZXRpb24iOiIiLCIiOnsiIjozfX0="));
        f.Api.Script("getUpdates", Scripted.Ok($"[{update}]"));

        var result = await f.Client.GetUpdatesAsync(0, TimeSpan.Zero, CancellationToken.None);

        result.Outcome.ShouldBe(TelegramOutcome.Ok);
        result.Value!.Skipped.ShouldBe(1);
        f.Metrics.Sum("bitten_telegram_bad_updates_total").ShouldBe(1);
    }

    [Fact]
    public async Task GetUpdates_WhenTheDescriptionEscapesALoneSurrogate_ClassifiesInsteadOfThrowing()
    {
        // minimized: {"ok":false,"":4,"description":"\ud801"} — GetString threw out of Classify, and UpdatePoller retried the same batch forever
        await using var f = await BotClientFixture.StartAsync();
        f.Api.Script("getUpdates", new Scripted(200, System.Text.Encoding.UTF8.GetString(Convert.FromBase64String("eyJvayI6ZmFsc2UsIiI6NCwiZGVzY3JpcHRpb24iOiJcdWQ4MDEifQ=="))));

        var result = await f.Client.GetUpdatesAsync(0, TimeSpan.Zero, CancellationToken.None);

        result.Outcome.ShouldBe(TelegramOutcome.InvalidResponse);
    }
}
