using System.Collections.Concurrent;
using Bitten.Contracts.Gamification;
using Bitten.Modules.Users.Accounts;
using Bitten.Modules.Users.Tests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Users.Tests.Accounts;

public sealed class GamificationEventsTests
{
    [Fact]
    public async Task Upsert_WhenARecruitJoinsWithACode_AnnouncesTheReferralOnceAndEveryContactAsACheckIn()
    {
        var seen = new ConcurrentQueue<INotification>();
        await using var host = UsersTestHost.Create(s =>
        {
            s.AddSingleton(seen);
            s.AddTransient<INotificationHandler<UserReferred>, Recorder>();
            s.AddTransient<INotificationHandler<UserCheckedIn>, Recorder>();
        });
        var referrer = await UpsertAsync(host, 1, null);
        var recruit = await UpsertAsync(host, 2, "ref_" + referrer.ReferralCode);
        await UpsertAsync(host, 2, "ref_" + referrer.ReferralCode);

        seen.OfType<UserReferred>().ShouldHaveSingleItem().ShouldBe(new UserReferred(new(referrer.Id), new(recruit.Id), host.Clock.GetUtcNow()));
        seen.OfType<UserCheckedIn>().Select(c => c.UserId.Value).ShouldBe([referrer.Id, recruit.Id, recruit.Id]);
    }

    [Fact]
    public async Task Upsert_WhenGamificationFails_StillRegistersTheUser()
    {
        await using var host = UsersTestHost.Create(s => s.AddTransient<INotificationHandler<UserCheckedIn>, Failing>());

        var user = await UpsertAsync(host, 3, null);

        user.Id.ShouldBeGreaterThan(0);
    }

    private static Task<UserRecord> UpsertAsync(UsersTestHost host, long telegramId, string? code) =>
        host.InScopeAsync<UserDirectory, UserRecord>(d => d.UpsertAsync(new TelegramIdentity(telegramId, "T", null, null, null), code, CancellationToken.None));

    private sealed class Recorder(ConcurrentQueue<INotification> seen) : INotificationHandler<UserReferred>, INotificationHandler<UserCheckedIn>
    {
        public Task Handle(UserReferred notification, CancellationToken cancellationToken)
        {
            seen.Enqueue(notification);
            return Task.CompletedTask;
        }

        public Task Handle(UserCheckedIn notification, CancellationToken cancellationToken)
        {
            seen.Enqueue(notification);
            return Task.CompletedTask;
        }
    }

    private sealed class Failing : INotificationHandler<UserCheckedIn>
    {
        public Task Handle(UserCheckedIn notification, CancellationToken cancellationToken) => throw new InvalidOperationException("gamification is down");
    }
}
