using Bitten.Contracts.Common;
using Bitten.Modules.Gamification.Notebook;
using Bitten.Modules.Gamification.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Gamification.Tests.Flows;

public sealed class JournalTests : IDisposable
{
    // 22:00 UTC on 2 March = 07:00 JST on 3 March.
    private readonly GameHarness _game = new(new DateTimeOffset(2026, 3, 2, 22, 0, 0, TimeSpan.Zero));

    public JournalTests() => _game.Mediator.Profile(1, "Asia/Tokyo");

    private Task<JournalEntry> WriteAsync(long user, string text, params string[] tags) =>
        _game.RunAsync(sp => sp.GetRequiredService<JournalService>().CreateAsync(new UserId(user), text, "calm", tags, null, CancellationToken.None));

    [Fact]
    public async Task Create_WhenFourEntriesInOneLocalDay_AwardsXpForThree_AndAgainNextLocalDay()
    {
        for (var i = 0; i < 4; i++)
        {
            await WriteAsync(1, $"entry {i}");
        }

        (await _game.BalanceAsync(1)).ShouldBe(24);

        _game.Clock.Advance(TimeSpan.FromHours(17)); // 00:00 JST on the 4th
        await WriteAsync(1, "next day");
        (await _game.BalanceAsync(1)).ShouldBe(32);
    }

    [Fact]
    public async Task FindUpdateDelete_WhenAnotherUsersEntry_ActsAsIfItDidNotExist()
    {
        var entry = await WriteAsync(1, "mine");

        await _game.RunAsync(async sp =>
        {
            var journal = sp.GetRequiredService<JournalService>();
            (await journal.FindAsync(new UserId(2), entry.Id, CancellationToken.None)).ShouldBeNull();
            (await journal.UpdateAsync(new UserId(2), entry.Id, "stolen", null, null, null, CancellationToken.None)).ShouldBeNull();
            (await journal.DeleteAsync(new UserId(2), entry.Id, CancellationToken.None)).ShouldBeFalse();
            (await journal.FindAsync(new UserId(1), entry.Id, CancellationToken.None)).ShouldNotBeNull().Text.ShouldBe("mine");
        });
    }

    [Fact]
    public async Task List_WhenFilteredByTag_MatchesWholeTagsCaseInsensitively()
    {
        await WriteAsync(1, "a", "FOMO", "london");
        await WriteAsync(1, "b", "fomo-free");
        await WriteAsync(2, "c", "fomo");

        var found = await _game.RunAsync(sp => sp.GetRequiredService<JournalService>().ListAsync(new UserId(1), "Fomo", 50, CancellationToken.None));

        found.Select(e => e.Text).ShouldBe(["a"]);
    }

    [Fact]
    public void Validate_WhenTextTooLong_NamesTheField()
    {
        JournalService.Validate(new string('x', 4001), null, null, out var field).ShouldNotBeNull();
        field.ShouldBe("text");
        JournalService.Validate(new string('x', 4000), null, ["a,b"], out field).ShouldNotBeNull();
        field.ShouldBe("tags");
        JournalService.Validate(new string('x', 4000), "ok", ["a"], out _).ShouldBeNull();
    }

    [Fact]
    public async Task Create_WhenTenthEntry_UnlocksJournalBronze()
    {
        for (var i = 0; i < 10; i++)
        {
            await WriteAsync(1, $"entry {i}");
        }

        _game.Mediator.Published.OfType<Bitten.Contracts.Gamification.XpAwarded>().ShouldContain(x => x.AwardKey == "ach:1:JOURNAL:Bronze");
    }

    public void Dispose() => _game.Dispose();
}
