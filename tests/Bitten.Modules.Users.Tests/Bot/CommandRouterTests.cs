using System.Text.Json;
using Bitten.Contracts.Users;
using Bitten.Modules.Users.Accounts;
using Bitten.Modules.Users.Auth;
using Bitten.Modules.Users.Bot;
using Bitten.Modules.Users.Ea;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Telegram.Api;
using Bitten.Modules.Users.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Users.Tests.Bot;

public sealed class CommandRouterTests : IAsyncLifetime
{
    private FakeBotApi _api = null!;
    private UsersTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _host = UsersTestHost.Create(
            ("Telegram:ApiBaseUrl", _api.BaseUrl),
            ("Telegram:MiniAppUrl", "https://hud.example/app"),
            ("Auth:LoginLinkBaseUrl", "https://bitten.example/login"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Theory]
    [InlineData("/start", "start")]
    [InlineData("/Start@bitten_bot ref_ABC", "start")]
    [InlineData("/link My terminal", "link")]
    public void Parse_WhenCommandText_ReadsNameAndArgument(string text, string name)
    {
        BotCommand.Parse(text)!.Name.ShouldBe(name);
        BotCommand.Parse("hello").ShouldBeNull();
        BotCommand.Parse("/link My terminal")!.Argument.ShouldBe("My terminal");
    }

    [Fact]
    public async Task Start_WhenNewUserWithReferral_RegistersWithReferrerAndOffersTheMiniApp()
    {
        var referrer = await _host.InScopeAsync<UserDirectory, UserRecord>(d => d.UpsertAsync(new TelegramIdentity(1, "Ref", null, null, null), null, CancellationToken.None));

        var reply = await SendAsync(2, $"/start ref_{referrer.ReferralCode}", firstName: "<Neo>");

        reply.GetProperty("text").GetString()!.ShouldContain("&lt;Neo&gt;");
        reply.GetProperty("reply_markup").GetProperty("inline_keyboard")[0][0].GetProperty("web_app").GetProperty("url").GetString().ShouldBe("https://hud.example/app");
        var user = await _host.InScopeAsync<UsersDbContext, UserRecord>(db => db.Users.SingleAsync(u => u.TelegramId == 2));
        user.ReferrerUserId.ShouldBe(referrer.Id);
    }

    [Fact]
    public async Task Link_WhenPrivateChat_RepliesWithCredentialsThatValidate()
    {
        var reply = await SendAsync(3, "/link Office PC");

        var text = reply.GetProperty("text").GetString()!;
        text.ShouldContain("Office PC");
        var eaId = Between(text, "ea_id: <code>", "</code>");
        var token = Between(text, "ea_token: <code>", "</code>");
        var check = await _host.InScopeAsync(sp => ActivatorUtilities.CreateInstance<ValidateEaCredentialsHandler>(sp)
            .Handle(new ValidateEaCredentials(eaId, token), CancellationToken.None));
        check.Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task LinkAndLogin_WhenGroupChat_RefuseToPostSecrets()
    {
        var link = await SendAsync(4, "/link", chatType: "group");
        var login = await SendAsync(4, "/login", chatType: "supergroup");

        link.GetProperty("text").GetString()!.ShouldContain("private chat");
        login.GetProperty("text").GetString()!.ShouldContain("private chat");
        (await _host.InScopeAsync<UsersDbContext, int>(db => db.LinkedEas.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Login_WhenAsked_SendsALinkWhoseCodeSignsIn()
    {
        var reply = await SendAsync(5, "/login");

        var url = reply.GetProperty("reply_markup").GetProperty("inline_keyboard")[0][0].GetProperty("url").GetString()!;
        url.ShouldStartWith("https://bitten.example/login?code=");
        var code = Uri.UnescapeDataString(url[(url.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        var redeemed = await _host.InScopeAsync<LoginLinkService, Contracts.Common.UserId?>(s => s.RedeemAsync(code, CancellationToken.None));
        redeemed.ShouldNotBeNull();
    }

    [Fact]
    public async Task Me_WhenUserHasATerminal_ShowsTierReferralAndTerminal()
    {
        await SendAsync(6, "/link Laptop");

        var text = (await SendAsync(6, "/me")).GetProperty("text").GetString()!;

        text.ShouldContain("PRESS");
        text.ShouldContain("Laptop");
        text.ShouldContain("default");
        text.ShouldContain("Referral code");
    }

    [Theory]
    [InlineData("/help", "/link")]
    [InlineData("/frobnicate", "I don't know /frobnicate")]
    [InlineData("just chatting", "/help")]
    public async Task OtherText_WhenReceived_GetsAHelpfulAnswer(string text, string expected)
    {
        (await SendAsync(7, text)).GetProperty("text").GetString()!.ShouldContain(expected);
    }

    [Fact]
    public async Task CallbackQuery_WhenReceived_IsAnswered()
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CommandRouter>().HandleAsync(
            new TelegramUpdate(1, null, new TelegramCallbackQuery("cb-1", new TelegramUser(8, false, "A", null, null, null), null, "x")), CancellationToken.None);

        _api.CallsTo("answerCallbackQuery").ShouldHaveSingleItem().Json.GetProperty("callback_query_id").GetString().ShouldBe("cb-1");
    }

    private async Task<JsonElement> SendAsync(long telegramId, string text, string chatType = "private", string firstName = "Tester")
    {
        var before = _api.CallsTo("sendMessage").Count;
        var update = new TelegramUpdate(100, new TelegramMessage(1, new TelegramChat(telegramId, chatType), new TelegramUser(telegramId, false, firstName, null, null, "en"), 1, text), null);
        await using (var scope = _host.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CommandRouter>().HandleAsync(update, CancellationToken.None);
        }

        var calls = _api.CallsTo("sendMessage");
        calls.Count.ShouldBe(before + 1);
        calls[^1].Json.GetProperty("chat_id").GetInt64().ShouldBe(telegramId);
        return calls[^1].Json;
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
