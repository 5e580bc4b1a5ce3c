namespace Bitten.Modules.Gamification.Notebook;

/// <summary>One notebook entry. Tags are stored lower-case as <c>,a,b,</c> so a tag search is one LIKE.</summary>
internal sealed class JournalEntry
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public string Text { get; set; } = string.Empty;

    public string? Mood { get; set; }

    public string Tags { get; set; } = ",";

    public string? FireId { get; set; }

    public long CreatedAtMs { get; set; }

    public long UpdatedAtMs { get; set; }
}
