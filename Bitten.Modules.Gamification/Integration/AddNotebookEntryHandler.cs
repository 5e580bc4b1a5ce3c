using Bitten.Contracts.Gamification;
using Bitten.Modules.Gamification.Notebook;
using MediatR;

namespace Bitten.Modules.Gamification.Integration;

/// <summary>Answers <see cref="AddNotebookEntry"/> (the bot's /notebook) through the same service as <c>POST /api/notebook</c>.</summary>
internal sealed class AddNotebookEntryHandler(JournalService journal) : IRequestHandler<AddNotebookEntry, long>
{
    public const int MaxText = 4_000;

    public async Task<long> Handle(AddNotebookEntry request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Text);
        var text = request.Text.Length > MaxText ? request.Text[..MaxText] : request.Text;
        var entry = await journal.CreateAsync(request.UserId, text, null, null, null, cancellationToken);
        return entry.Id;
    }
}
