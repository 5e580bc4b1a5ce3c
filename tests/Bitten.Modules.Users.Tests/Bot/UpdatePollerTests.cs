using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Users.Tests.Bot;

public sealed class UpdatePollerTests
{
    [Fact]
    public async Task Poller_WhenUpdatesArrive_HandlesEachSkipsBadOnesAndAdvancesTheOffset()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.Script("getUpdates", Scripted.Ok("""
            [
              {"update_id":500,"message":{"message_id":1,"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"Poll"},"date":1,"text":"/start"}},
              {"update_id":501,"message":{"message_id":"garbage"}}
            ]
            """));
        await using var host = await UsersTestHost.StartAsync(("Telegram:ApiBaseUrl", api.BaseUrl), ("Telegram:Polling", "true"), ("Telegram:PollTimeout", "00:00:01"));

        await Wait.UntilAsync(() => api.CallsTo("getUpdates").Count >= 2, TimeSpan.FromSeconds(15), "the poller polls again after the batch");

        api.CallsTo("deleteWebhook").ShouldNotBeEmpty();
        api.CallsTo("sendMessage").ShouldHaveSingleItem().Json.GetProperty("chat_id").GetInt64().ShouldBe(42);
        api.CallsTo("getUpdates")[1].Json.GetProperty("offset").GetInt64().ShouldBe(502);
        (await host.InScopeAsync<UsersDbContext, bool>(db => db.Users.AnyAsync(u => u.TelegramId == 42))).ShouldBeTrue();
    }
}
