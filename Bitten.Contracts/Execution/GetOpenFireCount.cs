using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Execution;

/// <summary>How many of the user's fires hold a slot (queued, sent or open).</summary>
public sealed record GetOpenFireCount(UserId UserId) : IRequest<int>;
