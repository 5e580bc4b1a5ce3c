using Bitten.Contracts.Common;
using Bitten.Contracts.Users;
using Bitten.Modules.Users.Accounts;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Users.Tests.Accounts;

public sealed class UserDirectoryTests
{
    private static readonly TelegramIdentity Alice = new(1001, "Alice", "Smith", "alice", "de");

    [Fact]
    public async Task Upsert_WhenNewUser_CreatesWithDefaultTierRiskProfileAndReferralCode()
    {
        await using var host = UsersTestHost.Create();

        var user = await host.InScopeAsync<UserDirectory, UserRecord>(d => d.UpsertAsync(Alice, null, CancellationToken.None));

        user.Id.ShouldBeGreaterThan(0);
        user.DisplayName.ShouldBe("Alice Smith");
        user.LanguageCode.ShouldBe("de");
        user.TimeZone.ShouldBe("UTC");
        user.Tier.ShouldBe("PRESS");
        user.Roles.ShouldBe(UserRoles.User);
        user.ReferralCode.Length.ShouldBe(8);
        user.CreatedAtMs.ShouldBe(host.Clock.GetUtcNow().ToUnixTimeMilliseconds());
        user.RiskPercent.ShouldBe(2m);
        user.AutoFireEnabled.ShouldBeFalse();
        user.MinWinProbability.ShouldBe(0.55m);
        user.DrillTone.ShouldBe(DrillTone.Balanced);
    }

    [Fact]
    public async Task Upsert_WhenSeenAgain_UpdatesProfileAndLastSeenButKeepsIdentity()
    {
        await using var host = UsersTestHost.Create();
        var first = await host.InScopeAsync<UserDirectory, UserRecord>(d => d.UpsertAsync(Alice, null, CancellationToken.None));
        host.Clock.Advance(TimeSpan.FromHours(2));

        var second = await host.InScopeAsync<UserDirectory, UserRecord>(d => d.UpsertAsync(Alice with { FirstName = "Alicia" }, null, CancellationToken.None));

        second.Id.ShouldBe(first.Id);
        second.ReferralCode.ShouldBe(first.ReferralCode);
        second.CreatedAtMs.ShouldBe(first.CreatedAtMs);
        second.DisplayName.ShouldBe("Alicia Smith");
        second.LastSeenAtMs.ShouldBe(first.LastSeenAtMs + (long)TimeSpan.FromHours(2).TotalMilliseconds);
    }

    [Fact]
    public async Task Upsert_WhenNewUserBringsAReferralCode_RecordsTheReferrer()
    {
        await using var host = UsersTestHost.Create();
        var referrer = await host.InScopeAsync<UserDirectory, UserRecord>(d => d.UpsertAsync(Alice, null, CancellationToken.None));

        var bob = await host.InScopeAsync<UserDirectory, UserRecord>(d => d.UpsertAsync(new TelegramIdentity(2002, "Bob", null, null, null), referrer.ReferralCode.ToLowerInvariant(), CancellationToken.None));
        var carol = await host.InScopeAsync<UserDirectory, UserRecord>(d => d.UpsertAsync(new TelegramIdentity(3003, "Carol", null, null, null), "NOSUCHCODE", CancellationToken.None));

        bob.ReferrerUserId.ShouldBe(referrer.Id);
        carol.ReferrerUserId.ShouldBeNull();
    }

    [Fact]
    public async Task Upsert_WhenFirstContactsRace_CreateExactlyOneUser()
    {
        await using var host = UsersTestHost.Create();

        var users = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            host.InScopeAsync<UserDirectory, UserRecord>(d => d.UpsertAsync(Alice, null, CancellationToken.None))));

        users.Select(u => u.Id).Distinct().ShouldHaveSingleItem();
        (await host.InScopeAsync<UsersDbContext, int>(db => db.Users.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Upsert_WhenTelegramIdIsConfiguredAdmin_GrantsAdminRole()
    {
        await using var host = UsersTestHost.Create(("Auth:AdminTelegramIds:0", "1001"));

        var user = await host.InScopeAsync<UserDirectory, UserRecord>(d => d.UpsertAsync(Alice, null, CancellationToken.None));

        user.Roles.ShouldBe(UserRoles.User | UserRoles.Admin);
    }

    [Fact]
    public async Task GetUserEntitlements_WhenTierIsSet_ReflectsTheTierTable()
    {
        await using var host = UsersTestHost.Create();
        var user = await host.InScopeAsync<UserDirectory, UserRecord>(d => d.UpsertAsync(Alice, null, CancellationToken.None));

        var press = await Entitlements(host, user.Id);
        await SetTier(host, user.Id, "FANG");
        var fang = await Entitlements(host, user.Id);
        await SetTier(host, user.Id, "RETIRED_TIER");
        var unknown = await Entitlements(host, user.Id);

        press.ShouldBe(new UserEntitlements(new UserId(user.Id), "PRESS", FireMode.DemoOnly, false, 1, false, false, 2m, true));
        fang.ShouldBe(new UserEntitlements(new UserId(user.Id), "FANG", FireMode.ManualAndAuto, true, 3, true, true, 3m, true));
        unknown!.Tier.ShouldBe("PRESS");
    }

    [Fact]
    public async Task GetUserEntitlements_WhenUserUnknown_ReturnsNull()
    {
        await using var host = UsersTestHost.Create();

        (await Entitlements(host, 999)).ShouldBeNull();
    }

    [Fact]
    public async Task GetUserRiskProfile_WhenUserExists_ReturnsTheirSettings()
    {
        await using var host = UsersTestHost.Create();
        var user = await host.InScopeAsync<UserDirectory, UserRecord>(d => d.UpsertAsync(Alice, null, CancellationToken.None));

        var profile = await host.InScopeAsync(sp => ActivatorUtilities.CreateInstance<GetUserRiskProfileHandler>(sp)
            .Handle(new GetUserRiskProfile(new UserId(user.Id)), CancellationToken.None));
        var missing = await host.InScopeAsync(sp => ActivatorUtilities.CreateInstance<GetUserRiskProfileHandler>(sp)
            .Handle(new GetUserRiskProfile(new UserId(12345)), CancellationToken.None));

        profile.ShouldBe(new UserRiskProfile(new UserId(user.Id), 2m, false, 0.55m, DrillTone.Balanced, "UTC"));
        missing.ShouldBeNull();
    }

    [Fact]
    public async Task GetUserRiskProfiles_ForABatch_AnswersTheKnownUsersInOneRequest()
    {
        await using var host = UsersTestHost.Create();
        var ids = await host.InScopeAsync<UsersDbContext, List<long>>(async db =>
        {
            var rows = Enumerable.Range(0, 3).Select(i => new UserRecord
            {
                TelegramId = 70_000 + i, DisplayName = $"U{i}", Tier = "NIBBLER", ReferralCode = $"RP{i}", CreatedAtMs = 1,
                AutoFireEnabled = i == 1, MinWinProbability = 0.6m + (i / 100m),
            }).ToList();
            db.Users.AddRange(rows);
            await db.SaveChangesAsync();
            return [.. rows.Select(r => r.Id)];
        });

        var profiles = await host.InScopeAsync(sp => ActivatorUtilities.CreateInstance<GetUserRiskProfilesHandler>(sp)
            .Handle(new GetUserRiskProfiles([new UserId(ids[0]), new UserId(ids[1]), new UserId(ids[2]), new UserId(ids[2]), new UserId(999_999)]), CancellationToken.None));
        var none = await host.InScopeAsync(sp => ActivatorUtilities.CreateInstance<GetUserRiskProfilesHandler>(sp)
            .Handle(new GetUserRiskProfiles([]), CancellationToken.None));

        profiles.OrderBy(p => p.UserId.Value).Select(p => (p.UserId.Value, p.AutoFireEnabled, p.MinWinProbability))
            .ShouldBe([(ids[0], false, 0.60m), (ids[1], true, 0.61m), (ids[2], false, 0.62m)]);
        none.ShouldBeEmpty();
    }

    private static Task<UserEntitlements?> Entitlements(UsersTestHost host, long userId) =>
        host.InScopeAsync(sp => ActivatorUtilities.CreateInstance<GetUserEntitlementsHandler>(sp)
            .Handle(new GetUserEntitlements(new UserId(userId)), CancellationToken.None));

    private static Task<int> SetTier(UsersTestHost host, long userId, string tier) =>
        host.InScopeAsync<UsersDbContext, int>(db => db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Tier, tier)));
}
