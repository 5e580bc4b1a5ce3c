using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using MediatR;

namespace Bitten.Contracts.Execution;

/// <summary>
/// <see cref="GetUserAccount"/> for many users at once, with the broker's spec of <paramref name="Symbol"/> from
/// each user's fire target EA (what a fan-out needs to size its missions): one answer, one query, however many
/// users. Users with no EA that has reported are missing from the answer.
/// </summary>
public sealed record GetUserAccounts(IReadOnlyCollection<UserId> UserIds, string? Symbol) : IRequest<IReadOnlyList<UserAccountWithSymbol>>;

/// <summary>One user's account as <see cref="GetUserAccount"/> answers it and the broker's spec of the asked symbol (null when unknown).</summary>
public sealed record UserAccountWithSymbol(UserAccount Account, SymbolSpec? Symbol);
