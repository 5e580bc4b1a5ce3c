using System.Data.Common;
using Bitten.Modules.Missions.Lifecycle;
using Bitten.Modules.Missions.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bitten.Modules.Missions.Creation;

/// <summary>
/// Stores one signal's missions in one transaction with multi-row INSERTs of <see cref="RowsPerStatement"/>
/// rows. The signal's own fields, shared by every row, are bound once per statement (the same named
/// parameter in each row); only the per-user fields are bound per row, and columns that start empty are
/// literals — binding, not SQLite, is the cost of a bulk insert through ADO.NET. <c>ON CONFLICT (signal_id,
/// user_id) DO NOTHING</c> makes a concurrent replay harmless; the rows really inserted are returned.
/// </summary>
internal static class MissionWriter
{
    public const int RowsPerStatement = 64;

    private static readonly (string Column, Func<MissionRecord, object?> Value)[] Shared =
    [
        ("signal_id", m => m.SignalId), ("created_at_ms", m => m.CreatedAtMs), ("expires_at_ms", m => m.ExpiresAtMs), ("updated_at_ms", m => m.UpdatedAtMs),
        ("symbol", m => m.Symbol), ("side", m => m.Side), ("pattern", m => m.Pattern), ("timeframe", m => m.Timeframe),
        ("entry", m => m.Entry), ("stop_loss", m => m.StopLoss), ("take_profit", m => m.TakeProfit),
        ("stop_pips", m => m.StopPips), ("target_pips", m => m.TargetPips), ("risk_reward", m => m.RiskReward),
        ("confidence", m => m.Confidence), ("shield_score", m => m.ShieldScore), ("shield_class", m => m.ShieldClass),
        ("shield_multiplier", m => m.ShieldMultiplier), ("win_probability", m => m.WinProbability), ("expected_value_r", m => m.ExpectedValueR),
        ("session", m => m.Session), ("signal_class", m => m.SignalClass), ("signal_created_at_ms", m => m.SignalCreatedAtMs),
    ];

    private static readonly (string Column, Func<MissionRecord, object?> Value)[] PerRow =
    [
        ("id", m => m.Id), ("user_id", m => m.UserId), ("status", m => m.Status),
        ("volume", m => m.Volume), ("risk_money", m => m.RiskMoney), ("reward_money", m => m.RewardMoney), ("risk_percent", m => m.RiskPercent),
        ("balance", m => m.Balance), ("account_currency", m => m.AccountCurrency), ("value_source", m => m.ValueSource),
        ("fireable", m => m.Fireable), ("not_fireable_code", m => m.NotFireableCode), ("not_fireable_reason", m => m.NotFireableReason),
    ];

    /// <summary>A new mission has no fire, no fill and no result yet.</summary>
    private static readonly (string Column, string Literal)[] Empty =
    [
        ("fire_id", "NULL"), ("fire_source", "0"), ("status_reason", "NULL"), ("fill_price", "NULL"), ("filled_volume", "NULL"),
        ("profit", "NULL"), ("result_r", "NULL"), ("trade_result", "0"), ("closed_at_ms", "NULL"), ("announced_at_ms", "NULL"),
    ];

    public static async Task<List<MissionRecord>> InsertNewAsync(MissionsDbContext db, IReadOnlyList<MissionRecord> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        if (rows.Any(r => r.SignalId != rows[0].SignalId || r.CreatedAtMs != rows[0].CreatedAtMs))
        {
            throw new ArgumentException("One batch holds the missions of one signal, created together.", nameof(rows));
        }

        var inserted = 0;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            DbCommand? full = null;
            try
            {
                for (var start = 0; start < rows.Count; start += RowsPerStatement)
                {
                    var count = Math.Min(RowsPerStatement, rows.Count - start);
                    DbCommand command;
                    if (count == RowsPerStatement)
                    {
                        full ??= await CreateAsync(connection, transaction.GetDbTransaction(), count, rows[0], cancellationToken);
                        command = full;
                    }
                    else
                    {
                        command = await CreateAsync(connection, transaction.GetDbTransaction(), count, rows[0], cancellationToken);
                    }

                    for (var r = 0; r < count; r++)
                    {
                        for (var c = 0; c < PerRow.Length; c++)
                        {
                            command.Parameters[Shared.Length + r * PerRow.Length + c].Value = PerRow[c].Value(rows[start + r]) ?? DBNull.Value;
                        }
                    }

                    inserted += await command.ExecuteNonQueryAsync(cancellationToken);
                    if (command != full)
                    {
                        await command.DisposeAsync();
                    }
                }
            }
            finally
            {
                if (full is not null)
                {
                    await full.DisposeAsync();
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        if (inserted == rows.Count)
        {
            return [.. rows];
        }

        // Some users got this signal's mission concurrently (a replay raced us): ours are the ids that made it in.
        var signalId = rows[0].SignalId;
        var present = (await db.Missions.AsNoTracking().Where(m => m.SignalId == signalId).Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return [.. rows.Where(r => present.Contains(r.Id))];
    }

    private static async Task<DbCommand> CreateAsync(DbConnection connection, DbTransaction transaction, int rowCount, MissionRecord template, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var columns = string.Join(", ", Shared.Select(c => c.Column).Concat(PerRow.Select(c => c.Column)).Concat(Empty.Select(c => c.Column)));
        var sharedValues = string.Join(", ", Shared.Select((_, i) => "@s" + i));
        var empties = string.Join(", ", Empty.Select(c => c.Literal));
        var values = Enumerable.Range(0, rowCount)
            .Select(r => $"({sharedValues}, {string.Join(", ", PerRow.Select((_, c) => $"@r{r}_{c}"))}, {empties})");
        command.CommandText = $"INSERT INTO missions ({columns}) VALUES {string.Join(", ", values)} ON CONFLICT (signal_id, user_id) DO NOTHING";
        for (var i = 0; i < Shared.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@s" + i;
            p.Value = Shared[i].Value(template) ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        for (var r = 0; r < rowCount; r++)
        {
            for (var c = 0; c < PerRow.Length; c++)
            {
                var p = command.CreateParameter();
                p.ParameterName = $"@r{r}_{c}";
                command.Parameters.Add(p);
            }
        }

        await command.PrepareAsync(cancellationToken);
        return command;
    }
}
