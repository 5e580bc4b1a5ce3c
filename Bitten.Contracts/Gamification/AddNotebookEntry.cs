using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Gamification;

/// <summary>The bot's <c>/notebook &lt;text&gt;</c>: a journal entry for the user (at most 4,000 characters); answers the new entry's id.</summary>
public sealed record AddNotebookEntry(UserId UserId, string Text) : IRequest<long>;
