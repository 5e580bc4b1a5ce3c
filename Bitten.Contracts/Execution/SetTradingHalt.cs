using MediatR;

namespace Bitten.Contracts.Execution;

/// <summary>
/// Halts (or resumes) all new fires at once, as the admin console's halt switch does (the bot's <c>/halt</c>,
/// <c>/resume</c>). <paramref name="ChangedBy"/> names the admin. Answers whether trading is halted afterwards.
/// </summary>
public sealed record SetTradingHalt(bool Halted, string ChangedBy) : IRequest<bool>;
