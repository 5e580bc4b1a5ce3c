using System.Text;
using Bitten.Contracts.Common;
using Bitten.Contracts.Users;
using Bitten.Modules.Users.Accounts;
using Bitten.Modules.Users.Ea;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Users.Tests.Ea;

public sealed class EaLinkServiceTests
{
    [Fact]
    public async Task Link_WhenUserExists_IssuesValidEaIdAndLongUrlSafeTokenStoredOnlyAsHash()
    {
        await using var host = UsersTestHost.Create();
        var owner = await NewUserAsync(host, 1);

        var issued = await LinkAsync(host, owner, "My MT5");

        EaId.IsValid(issued.EaId.Value).ShouldBeTrue();
        issued.Label.ShouldBe("My MT5");
        issued.IsDefault.ShouldBeTrue();
        issued.Token.Length.ShouldBeGreaterThanOrEqualTo(22); // ≥ 128 bits in base64url
        issued.Token.ShouldMatch("^[A-Za-z0-9_-]+$");
        var row = await host.InScopeAsync<UsersDbContext, LinkedEaRecord>(db => db.LinkedEas.SingleAsync());
        row.TokenHash.Length.ShouldBe(32);
        row.TokenSalt.Length.ShouldBe(16);
        Encoding.UTF8.GetString(row.TokenHash).ShouldNotContain(issued.Token);
        (await ValidateAsync(host, issued.EaId.Value, issued.Token)).ShouldBe(new EaCredentialsValidation(true, owner, true));
    }

    [Fact]
    public async Task Link_WhenTwoEas_SecondIsNotDefaultAndTokensDiffer()
    {
        await using var host = UsersTestHost.Create();
        var owner = await NewUserAsync(host, 1);

        var first = await LinkAsync(host, owner, null);
        var second = await LinkAsync(host, owner, null);

        second.IsDefault.ShouldBeFalse();
        second.Label.ShouldBe("Terminal 2");
        second.Token.ShouldNotBe(first.Token);
        second.EaId.ShouldNotBe(first.EaId);
        (await ValidateAsync(host, first.EaId.Value, second.Token)).Valid.ShouldBeFalse();
    }

    [Theory]
    [InlineData("wrong-token")]
    [InlineData("")]
    public async Task Validate_WhenTokenWrong_IsInvalid(string token)
    {
        await using var host = UsersTestHost.Create();
        var issued = await LinkAsync(host, await NewUserAsync(host, 1), null);

        (await ValidateAsync(host, issued.EaId.Value, token)).ShouldBe(EaCredentialsValidation.Invalid);
        (await ValidateAsync(host, "no-such-ea", issued.Token)).Valid.ShouldBeFalse();
        (await ValidateAsync(host, "x", issued.Token)).Valid.ShouldBeFalse();
    }

    [Fact]
    public async Task Validate_WhenRecentlyValidated_AnswersFromMemoryUntilTheTtlPasses()
    {
        await using var host = UsersTestHost.Create(("Modules:Users:EaCredentialCacheTtl", "00:01:00"));
        var issued = await LinkAsync(host, await NewUserAsync(host, 1), null);
        (await ValidateAsync(host, issued.EaId.Value, issued.Token)).Valid.ShouldBeTrue();
        // Remove the row behind the service's back: only the cache can still answer.
        await host.InScopeAsync<UsersDbContext, int>(db => db.LinkedEas.ExecuteDeleteAsync());

        var cached = await ValidateAsync(host, issued.EaId.Value, issued.Token);
        var wrongWhileCached = await ValidateAsync(host, issued.EaId.Value, issued.Token + "x");
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var afterTtl = await ValidateAsync(host, issued.EaId.Value, issued.Token);

        cached.Valid.ShouldBeTrue();
        wrongWhileCached.Valid.ShouldBeFalse();
        afterTtl.Valid.ShouldBeFalse();
    }

    [Fact]
    public async Task Rotate_WhenTokenWasCached_OldTokenStopsWorkingAtOnce()
    {
        await using var host = UsersTestHost.Create();
        var owner = await NewUserAsync(host, 1);
        var issued = await LinkAsync(host, owner, null);
        (await ValidateAsync(host, issued.EaId.Value, issued.Token)).Valid.ShouldBeTrue();

        var rotated = await host.InScopeAsync<EaLinkService, IssuedEaCredentials?>(s => s.RotateAsync(owner, issued.EaId.Value, CancellationToken.None));

        rotated.ShouldNotBeNull().EaId.ShouldBe(issued.EaId);
        rotated.Token.ShouldNotBe(issued.Token);
        (await ValidateAsync(host, issued.EaId.Value, issued.Token)).Valid.ShouldBeFalse();
        (await ValidateAsync(host, issued.EaId.Value, rotated.Token)).Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task Rotate_WhenEaBelongsToSomeoneElse_RefusesAndKeepsTheToken()
    {
        await using var host = UsersTestHost.Create();
        var issued = await LinkAsync(host, await NewUserAsync(host, 1), null);
        var intruder = await NewUserAsync(host, 2);

        var rotated = await host.InScopeAsync<EaLinkService, IssuedEaCredentials?>(s => s.RotateAsync(intruder, issued.EaId.Value, CancellationToken.None));
        var unlinked = await host.InScopeAsync<EaLinkService, bool>(s => s.UnlinkAsync(intruder, issued.EaId.Value, CancellationToken.None));

        rotated.ShouldBeNull();
        unlinked.ShouldBeFalse();
        (await ValidateAsync(host, issued.EaId.Value, issued.Token)).Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task Unlink_WhenDefaultEaRemoved_InvalidatesItAndPromotesAnother()
    {
        await using var host = UsersTestHost.Create();
        var owner = await NewUserAsync(host, 1);
        var first = await LinkAsync(host, owner, null);
        var second = await LinkAsync(host, owner, null);
        (await ValidateAsync(host, first.EaId.Value, first.Token)).Valid.ShouldBeTrue();

        var removed = await host.InScopeAsync<EaLinkService, bool>(s => s.UnlinkAsync(owner, first.EaId.Value, CancellationToken.None));

        removed.ShouldBeTrue();
        (await ValidateAsync(host, first.EaId.Value, first.Token)).Valid.ShouldBeFalse();
        (await ValidateAsync(host, second.EaId.Value, second.Token)).ShouldBe(new EaCredentialsValidation(true, owner, true));
    }

    [Fact]
    public async Task SetDefault_WhenAnotherEaChosen_MovesTheDefaultFlag()
    {
        await using var host = UsersTestHost.Create();
        var owner = await NewUserAsync(host, 1);
        var first = await LinkAsync(host, owner, null);
        var second = await LinkAsync(host, owner, null);

        (await host.InScopeAsync<EaLinkService, bool>(s => s.SetDefaultAsync(owner, second.EaId.Value, CancellationToken.None))).ShouldBeTrue();

        var list = await host.InScopeAsync<EaLinkService, List<LinkedEaRecord>>(s => s.ListAsync(owner, CancellationToken.None));
        list.Single(e => e.IsDefault).EaId.ShouldBe(second.EaId.Value);
        (await ValidateAsync(host, first.EaId.Value, first.Token)).IsDefault.ShouldBeFalse();
    }

    [Fact]
    public async Task Validate_WhenOwnerInactive_IsInvalid()
    {
        await using var host = UsersTestHost.Create();
        var owner = await NewUserAsync(host, 1);
        var issued = await LinkAsync(host, owner, null);
        await host.InScopeAsync<UsersDbContext, int>(db => db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));

        (await ValidateAsync(host, issued.EaId.Value, issued.Token)).Valid.ShouldBeFalse();
    }

    [Fact]
    public async Task Link_WhenLabelTooLongOrUserUnknown_ExplainsWhy()
    {
        await using var host = UsersTestHost.Create();
        var owner = await NewUserAsync(host, 1);

        var tooLong = await host.InScopeAsync<EaLinkService, LinkResult>(s => s.LinkAsync(owner, new string('x', 65), CancellationToken.None));
        var nobody = await host.InScopeAsync<EaLinkService, LinkResult>(s => s.LinkAsync(new UserId(999), null, CancellationToken.None));

        tooLong.Error.ShouldNotBeNull().ShouldContain("64");
        nobody.Credentials.ShouldBeNull();
    }

    internal static async Task<UserId> NewUserAsync(UsersTestHost host, long telegramId)
    {
        var user = await host.InScopeAsync<UserDirectory, UserRecord>(d => d.UpsertAsync(new TelegramIdentity(telegramId, "U" + telegramId, null, null, null), null, CancellationToken.None));
        return new UserId(user.Id);
    }

    private static async Task<IssuedEaCredentials> LinkAsync(UsersTestHost host, UserId owner, string? label)
    {
        var result = await host.InScopeAsync<EaLinkService, LinkResult>(s => s.LinkAsync(owner, label, CancellationToken.None));
        return result.Credentials.ShouldNotBeNull(result.Error);
    }

    private static Task<EaCredentialsValidation> ValidateAsync(UsersTestHost host, string eaId, string token) =>
        host.InScopeAsync(sp => ActivatorUtilities.CreateInstance<ValidateEaCredentialsHandler>(sp)
            .Handle(new ValidateEaCredentials(eaId, token), CancellationToken.None));
}
