using Bitten.Modules.Users.Telegram;
using Bitten.Modules.Users.Telegram.Api;
using Bitten.Modules.Users.Tests.Support;

namespace Bitten.Modules.Users.Tests.Telegram;

public sealed class TelegramBotClientTests
{
    [Fact]
    public async Task SendMessage_WhenCalled_PostsHtmlJsonWithKeyboardToTheTokenPath()
    {
        await using var f = await BotClientFixture.StartAsync();
        var keyboard = new InlineKeyboard([
            [InlineButton.MiniApp("Open HUD", "https://hud.example/m/1"), InlineButton.Callback("Skip", "skip:1")],
            [InlineButton.ToUrl("Help", "https://example.com/help")],
        ]);

        var result = await f.Client.SendMessageAsync(1001, "<b>EURUSD</b> BUY", silent: true, keyboard);

        result.Outcome.ShouldBe(TelegramOutcome.Ok);
        result.Value!.MessageId.ShouldBe(7);
        var call = f.Api.Calls.ShouldHaveSingleItem();
        call.Path.ShouldBe($"/bot{BotClientFixture.Token}/sendMessage");
        var body = call.Json;
        body.GetProperty("chat_id").GetInt64().ShouldBe(1001);
        body.GetProperty("text").GetString().ShouldBe("<b>EURUSD</b> BUY");
        body.GetProperty("parse_mode").GetString().ShouldBe("HTML");
        body.GetProperty("disable_notification").GetBoolean().ShouldBeTrue();
        var rows = body.GetProperty("reply_markup").GetProperty("inline_keyboard");
        rows.GetArrayLength().ShouldBe(2);
        rows[0][0].GetProperty("text").GetString().ShouldBe("Open HUD");
        rows[0][0].GetProperty("web_app").GetProperty("url").GetString().ShouldBe("https://hud.example/m/1");
        rows[0][0].TryGetProperty("url", out _).ShouldBeFalse();
        rows[0][1].GetProperty("callback_data").GetString().ShouldBe("skip:1");
        rows[1][0].GetProperty("url").GetString().ShouldBe("https://example.com/help");
        f.Metrics.Sum("bitten_telegram_calls_total", ("method", "sendMessage"), ("outcome", "ok")).ShouldBe(1);
    }

    [Fact]
    public async Task SendMessage_WhenNotSilent_OmitsDisableNotification()
    {
        await using var f = await BotClientFixture.StartAsync();

        await f.Client.SendMessageAsync(1001, "hello");

        f.Api.Calls.ShouldHaveSingleItem().Json.TryGetProperty("disable_notification", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task SendMessage_When429WithRetryAfter_WaitsExactlyThatLongThenSucceeds()
    {
        await using var f = await BotClientFixture.StartAsync();
        f.Api.Script("sendMessage", Scripted.Error(429, "Too Many Requests: retry after 7", retryAfter: 7));

        var sending = f.Client.SendMessageAsync(1001, "hi");
        var waited = await f.ReleaseRetryAsync(1);
        var result = await sending;

        waited.ShouldBe(TimeSpan.FromSeconds(7));
        result.Outcome.ShouldBe(TelegramOutcome.Ok);
        var calls = f.Api.CallsTo("sendMessage");
        calls.Count.ShouldBe(2);
        (calls[1].At - calls[0].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(7));
        f.Metrics.Sum("bitten_telegram_retries_total", ("method", "sendMessage"), ("reason", "rate_limited")).ShouldBe(1);
    }

    [Fact]
    public async Task SendMessage_When429AsksForLongerThanAllowed_ReturnsRateLimitedWithoutWaiting()
    {
        await using var f = await BotClientFixture.StartAsync();
        f.Api.Script("sendMessage", Scripted.Error(429, "Too Many Requests: retry after 3600", retryAfter: 3600));

        var result = await f.Client.SendMessageAsync(1001, "hi");

        result.Outcome.ShouldBe(TelegramOutcome.RateLimited);
        result.RetryAfter.ShouldBe(TimeSpan.FromHours(1));
        f.Api.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendMessage_When5xxTwice_RetriesWithBackoffThenSucceeds()
    {
        await using var f = await BotClientFixture.StartAsync();
        f.Api.Script("sendMessage", Scripted.Error(500, "Internal Server Error"), new Scripted(502, "<html>Bad Gateway</html>"));

        var sending = f.Client.SendMessageAsync(1001, "hi");
        await f.ReleaseRetryAsync(1);
        await f.ReleaseRetryAsync(2);
        var result = await sending;

        result.Outcome.ShouldBe(TelegramOutcome.Ok);
        f.Api.CallsTo("sendMessage").Count.ShouldBe(3);
        f.RetryWaits().ShouldAllBe(w => w > TimeSpan.Zero);
        f.Metrics.Sum("bitten_telegram_retries_total", ("reason", "server_error")).ShouldBe(2);
        f.Metrics.Sum("bitten_telegram_calls_total", ("method", "sendMessage"), ("outcome", "ok")).ShouldBe(1);
    }

    [Fact]
    public async Task SendMessage_When5xxEveryTime_GivesUpAfterMaxAttempts()
    {
        await using var f = await BotClientFixture.StartAsync(maxAttempts: 3);
        f.Api.Script("sendMessage", Scripted.Error(500, "a"), Scripted.Error(500, "b"), Scripted.Error(503, "c"), Scripted.Error(500, "d"));

        var sending = f.Client.SendMessageAsync(1001, "hi");
        await f.ReleaseRetryAsync(1);
        await f.ReleaseRetryAsync(2);
        var result = await sending;

        result.Outcome.ShouldBe(TelegramOutcome.ServerError);
        f.Api.Calls.Count.ShouldBe(3);
        f.Metrics.Sum("bitten_telegram_calls_total", ("outcome", "server_error")).ShouldBe(1);
    }

    [Fact]
    public async Task SendMessage_WhenUserBlockedTheBot_ReturnsBlockedWithoutRetry()
    {
        await using var f = await BotClientFixture.StartAsync();
        f.Api.Script("sendMessage", Scripted.Error(403, "Forbidden: bot was blocked by the user"));

        var result = await f.Client.SendMessageAsync(1001, "hi");

        result.Outcome.ShouldBe(TelegramOutcome.Blocked);
        result.Blocked.ShouldBeTrue();
        result.ErrorCode.ShouldBe(403);
        f.Api.Calls.Count.ShouldBe(1);
        f.Metrics.Sum("bitten_telegram_calls_total", ("method", "sendMessage"), ("outcome", "blocked")).ShouldBe(1);
    }

    [Fact]
    public async Task SendMessage_WhenServerIsSlow_TimesOutAndRetries()
    {
        await using var f = await BotClientFixture.StartAsync();
        f.Api.Script("sendMessage", Scripted.Slow());

        var sending = f.Client.SendMessageAsync(1001, "hi");
        await Wait.UntilAsync(() => f.Api.Calls.Count == 1, TimeSpan.FromSeconds(10), "the first attempt reached the server");
        await f.ExpireAttemptAsync(1);
        await f.ReleaseRetryAsync(1);
        var result = await sending;

        result.Outcome.ShouldBe(TelegramOutcome.Ok);
        f.Api.Calls.Count.ShouldBe(2);
        f.Metrics.Sum("bitten_telegram_retries_total", ("reason", "timeout")).ShouldBe(1);
    }

    [Fact]
    public async Task Call_WhenErrorDescriptionEchoesTheToken_RedactsItFromResultAndLogs()
    {
        await using var f = await BotClientFixture.StartAsync();
        f.Api.Script("sendMessage", Scripted.Error(400, $"Bad Request: see /bot{BotClientFixture.Token}/sendMessage"));

        var result = await f.Client.SendMessageAsync(1001, "hi");

        result.Outcome.ShouldBe(TelegramOutcome.BadRequest);
        result.Description!.ShouldNotContain(BotClientFixture.Token);
        f.Logger.Lines.ShouldNotBeEmpty();
        f.Logger.Lines.ShouldAllBe(l => !l.Contains(BotClientFixture.Token));
    }

    [Fact]
    public async Task Call_WhenErrorBodyHasOddTypes_StillClassifiesByStatus()
    {
        await using var f = await BotClientFixture.StartAsync(maxAttempts: 1);
        f.Api.Script("sendMessage", new Scripted(429, """{"ok":false,"error_code":"429","description":5,"parameters":{"retry_after":"soon"}}"""));

        var result = await f.Client.SendMessageAsync(1001, "hi");

        result.Outcome.ShouldBe(TelegramOutcome.RateLimited);
        result.RetryAfter.ShouldBeNull();
    }

    [Fact]
    public async Task Call_WhenTokenIsWrong_ReturnsUnauthorized()
    {
        await using var f = await BotClientFixture.StartAsync();
        f.Api.Script("getMe", Scripted.Error(401, "Unauthorized"));

        var result = await f.Client.GetMeAsync(CancellationToken.None);

        result.Outcome.ShouldBe(TelegramOutcome.Unauthorized);
        f.Api.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetMe_WhenOk_ReadsTheBot()
    {
        await using var f = await BotClientFixture.StartAsync();

        var me = await f.Client.GetMeAsync(CancellationToken.None);

        me.Value!.Username.ShouldBe("bitten_bot");
        me.Value.IsBot.ShouldBeTrue();
    }

    [Fact]
    public async Task GetUpdates_WhenPolledRepeatedly_AdvancesTheOffsetPastEveryUpdate()
    {
        await using var f = await BotClientFixture.StartAsync();
        f.Api.Script("getUpdates",
            Scripted.Ok("""[{"update_id":100,"message":{"message_id":1,"chat":{"id":5,"type":"private"},"from":{"id":5,"is_bot":false,"first_name":"A"},"date":1,"text":"/start"}},{"update_id":101,"callback_query":{"id":"cb1","from":{"id":5,"is_bot":false,"first_name":"A"},"data":"skip:1"}}]"""),
            Scripted.Ok("""[{"update_id":102,"edited_message":{"message_id":1}}]"""),
            Scripted.Ok("[]"));

        var first = await f.Client.GetUpdatesAsync(0, TimeSpan.Zero, CancellationToken.None);
        var second = await f.Client.GetUpdatesAsync(first.Value!.NextOffset, TimeSpan.FromSeconds(25), CancellationToken.None);
        var third = await f.Client.GetUpdatesAsync(second.Value!.NextOffset, TimeSpan.Zero, CancellationToken.None);

        first.Value.Updates.Count.ShouldBe(2);
        first.Value.Updates[0].Message!.Text.ShouldBe("/start");
        first.Value.Updates[1].CallbackQuery!.Data.ShouldBe("skip:1");
        first.Value.NextOffset.ShouldBe(102);
        second.Value.Updates.ShouldHaveSingleItem().Message.ShouldBeNull();
        second.Value.NextOffset.ShouldBe(103);
        third.Value!.NextOffset.ShouldBe(103);
        var polls = f.Api.CallsTo("getUpdates");
        polls.Select(c => c.Json.GetProperty("offset").GetInt64()).ShouldBe([0L, 102L, 103L]);
        polls[1].Json.GetProperty("timeout").GetInt32().ShouldBe(25);
    }

    [Fact]
    public async Task GetUpdates_WhenSomeUpdatesAreMalformed_CountsAndSkipsThemAndStillAcknowledgesThem()
    {
        await using var f = await BotClientFixture.StartAsync();
        f.Api.Script("getUpdates", Scripted.Ok("""
            [
              {"update_id":200,"message":{"message_id":"not-a-number","chat":{"id":5},"date":1}},
              "just a string",
              {"no_update_id":true},
              {"update_id":"nine","message":{"message_id":3}},
              {"update_id":201,"message":{"message_id":2,"chat":{"id":5,"type":"private"},"date":1,"text":"ok"}},
              {"update_id":202,"callback_query":{"id":"x","from":{"id":"five"}}}
            ]
            """));

        var result = await f.Client.GetUpdatesAsync(0, TimeSpan.Zero, CancellationToken.None);

        result.Outcome.ShouldBe(TelegramOutcome.Ok);
        result.Value!.Updates.ShouldHaveSingleItem().UpdateId.ShouldBe(201);
        result.Value.Skipped.ShouldBe(5);
        result.Value.NextOffset.ShouldBe(203);
        f.Metrics.Sum("bitten_telegram_bad_updates_total").ShouldBe(5);
    }

    [Fact]
    public async Task GetUpdates_WhenResultIsNotAnArray_ReturnsInvalidResponseWithoutThrowing()
    {
        await using var f = await BotClientFixture.StartAsync();
        f.Api.Script("getUpdates", Scripted.Ok("""{"surprise":1}"""), new Scripted(200, "not json at all"));

        var first = await f.Client.GetUpdatesAsync(0, TimeSpan.Zero, CancellationToken.None);
        var second = await f.Client.GetUpdatesAsync(0, TimeSpan.Zero, CancellationToken.None);

        first.Outcome.ShouldBe(TelegramOutcome.InvalidResponse);
        second.Outcome.ShouldBe(TelegramOutcome.InvalidResponse);
    }

    [Fact]
    public async Task Webhook_WhenSetAndDeleted_SendsSecretTokenAndDropFlag()
    {
        await using var f = await BotClientFixture.StartAsync();

        (await f.Client.SetWebhookAsync("https://bitten.example/telegram/webhook", "s3cret-XYZ", dropPendingUpdates: false, CancellationToken.None)).Value.ShouldBeTrue();
        (await f.Client.DeleteWebhookAsync(dropPendingUpdates: true, CancellationToken.None)).Value.ShouldBeTrue();

        var set = f.Api.CallsTo("setWebhook").ShouldHaveSingleItem().Json;
        set.GetProperty("url").GetString().ShouldBe("https://bitten.example/telegram/webhook");
        set.GetProperty("secret_token").GetString().ShouldBe("s3cret-XYZ");
        f.Api.CallsTo("deleteWebhook").ShouldHaveSingleItem().Json.GetProperty("drop_pending_updates").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task EditAnswerDelete_WhenCalled_SendTheirIds()
    {
        await using var f = await BotClientFixture.StartAsync();

        (await f.Client.EditMessageTextAsync(1001, 7, "<i>expired</i>")).Ok.ShouldBeTrue();
        (await f.Client.AnswerCallbackQueryAsync("cb-9", "Skipped")).Ok.ShouldBeTrue();
        (await f.Client.DeleteMessageAsync(1001, 7)).Ok.ShouldBeTrue();

        var edit = f.Api.CallsTo("editMessageText").ShouldHaveSingleItem().Json;
        edit.GetProperty("message_id").GetInt64().ShouldBe(7);
        edit.GetProperty("parse_mode").GetString().ShouldBe("HTML");
        f.Api.CallsTo("answerCallbackQuery").ShouldHaveSingleItem().Json.GetProperty("callback_query_id").GetString().ShouldBe("cb-9");
        f.Api.CallsTo("deleteMessage").ShouldHaveSingleItem().Json.GetProperty("chat_id").GetInt64().ShouldBe(1001);
    }

    [Fact]
    public async Task Call_WhenNoBotTokenConfigured_ReturnsNotConfiguredWithoutCalling()
    {
        await using var f = await BotClientFixture.StartAsync();
        f.Options.BotToken = null;

        var result = await f.Client.SendMessageAsync(1001, "hi");

        result.Outcome.ShouldBe(TelegramOutcome.NotConfigured);
        f.Api.Calls.ShouldBeEmpty();
    }
}
