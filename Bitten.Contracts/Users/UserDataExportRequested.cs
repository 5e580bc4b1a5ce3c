using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Users;

/// <summary>
/// A user asked for all of their data (GDPR export, <c>GET /api/me/export</c>). Every module that stores
/// data about users handles it by adding its own section to <paramref name="Export"/>.
/// </summary>
public sealed record UserDataExportRequested(UserId UserId, UserDataExport Export, DateTimeOffset RequestedAt) : INotification;
