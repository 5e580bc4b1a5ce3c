using Bitten.Contracts.Common;

namespace Bitten.Modules.Users.Ea;

/// <summary>A freshly issued EA identity. <see cref="Token"/> is shown to the user once and never stored.</summary>
internal sealed record IssuedEaCredentials(EaId EaId, string Token, string Label, bool IsDefault);
