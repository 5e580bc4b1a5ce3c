using System.Net;
using System.Text;
using Bitten.Modules.Users.Bot;
using Bitten.Modules.Users.Tests.Support;

namespace Bitten.Modules.Users.Tests.Bot;

public sealed class WebhookTests
{
    private const string Secret = "hook-Secret_123";

    [Fact]
    public async Task Webhook_WhenSecretMatches_RoutesTheUpdateAndRegistersItself()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await StartAsync(api);

        using var response = await PostAsync(host, Secret, """{"update_id":9,"message":{"message_id":1,"chat":{"id":77,"type":"private"},"from":{"id":77,"is_bot":false,"first_name":"Hook"},"date":1,"text":"/help"}}""");
        await Wait.UntilAsync(() => api.CallsTo("setWebhook").Count == 1, TimeSpan.FromSeconds(10), "the webhook is registered");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        api.CallsTo("sendMessage").ShouldHaveSingleItem().Json.GetProperty("chat_id").GetInt64().ShouldBe(77);
        var set = api.CallsTo("setWebhook")[0].Json;
        set.GetProperty("url").GetString().ShouldBe("https://bitten.example/api/telegram/webhook");
        set.GetProperty("secret_token").GetString().ShouldBe(Secret);
        api.CallsTo("getUpdates").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("")]
    public async Task Webhook_WhenSecretWrongOrMissing_Returns401AndDoesNothing(string secret)
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await StartAsync(api);

        using var response = await PostAsync(host, secret, """{"update_id":9,"message":{"message_id":1,"chat":{"id":77},"from":{"id":77,"is_bot":false,"first_name":"X"},"date":1,"text":"/help"}}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        api.CallsTo("sendMessage").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"update_id":"nine"}""")]
    [InlineData("[1,2,3]")]
    public async Task Webhook_WhenBodyUnreadable_AcknowledgesWithoutThrowing(string body)
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await StartAsync(api);

        using var response = await PostAsync(host, Secret, body);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        api.CallsTo("sendMessage").ShouldBeEmpty();
    }

    [Fact]
    public async Task Start_WhenWebhookUrlWithoutSecret_FailsNamingTheKey()
    {
        var ex = await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
        {
            await using var host = await UsersTestHost.StartAsync(("Telegram:WebhookUrl", "https://bitten.example/api/telegram/webhook"));
        });

        ex.Message.ShouldContain("Telegram:WebhookSecret");
    }

    private static Task<UsersTestHost> StartAsync(FakeBotApi api) => UsersTestHost.StartAsync(
        ("Telegram:ApiBaseUrl", api.BaseUrl),
        ("Telegram:Polling", "true"),
        ("Telegram:WebhookUrl", "https://bitten.example/api/telegram/webhook"),
        ("Telegram:WebhookSecret", Secret));

    private static async Task<HttpResponseMessage> PostAsync(UsersTestHost host, string secret, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/telegram/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret.Length > 0)
        {
            request.Headers.Add(WebhookEndpoint.SecretHeader, secret);
        }

        return await host.Http.SendAsync(request);
    }
}
