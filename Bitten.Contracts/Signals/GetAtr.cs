using MediatR;

namespace Bitten.Contracts.Signals;

/// <summary>
/// ATR(14) of the symbol's closed M5 bars, in price units (DOMAIN §9 BITMODE trail); null when the symbol is unknown
/// or fewer than 14 bars have closed.
/// </summary>
public sealed record GetAtr(string Symbol) : IRequest<decimal?>;
