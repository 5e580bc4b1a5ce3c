using System.Data.Common;
using Bitten.Modules.Missions.Lifecycle;
using Bitten.Modules.Missions.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bitten.Modules.Missions.Creation;

/// <summary>
/// Stores a signal's missions in one transaction with one prepared INSERT executed per row (SQLite's
/// fastest bulk path; EF's SaveChanges would track thousands of entities). <c>ON CONFLICT (user_id,
/// signal_id) DO NOTHING</c> makes a replay create nothing; the rows that were really inserted are returned.
/// </summary>
internal static class MissionWriter
{
    private static readonly (string Column, Func<MissionRecord, object?> Value)[] Columns =
    [
        ("id", m => m.Id), ("user_id", m => m.UserId), ("signal_id", m => m.SignalId), ("status", m => m.Status),
        ("created_at_ms", m => m.CreatedAtMs), ("expires_at_ms", m => m.ExpiresAtMs), ("updated_at_ms", m => m.UpdatedAtMs),
        ("symbol", m => m.Symbol), ("side", m => m.Side), ("pattern", m => m.Pattern), ("timeframe", m => m.Timeframe),
        ("entry", m => m.Entry), ("stop_loss", m => m.StopLoss), ("take_profit", m => m.TakeProfit),
        ("stop_pips", m => m.StopPips), ("target_pips", m => m.TargetPips), ("risk_reward", m => m.RiskReward),
        ("confidence", m => m.Confidence), ("shield_score", m => m.ShieldScore), ("shield_class", m => m.ShieldClass),
        ("shield_multiplier", m => m.ShieldMultiplier), ("win_probability", m => m.WinProbability), ("expected_value_r", m => m.ExpectedValueR),
        ("session", m => m.Session), ("signal_class", m => m.SignalClass), ("signal_created_at_ms", m => m.SignalCreatedAtMs),
        ("volume", m => m.Volume), ("risk_money", m => m.RiskMoney), ("reward_money", m => m.RewardMoney), ("risk_percent", m => m.RiskPercent),
        ("balance", m => m.Balance), ("account_currency", m => m.AccountCurrency), ("value_source", m => m.ValueSource),
        ("fireable", m => m.Fireable), ("not_fireable_code", m => m.NotFireableCode), ("not_fireable_reason", m => m.NotFireableReason),
        ("fire_id", m => m.FireId), ("fire_source", m => m.FireSource), ("status_reason", m => m.StatusReason),
        ("fill_price", m => m.FillPrice), ("filled_volume", m => m.FilledVolume), ("profit", m => m.Profit),
        ("result_r", m => m.ResultR), ("trade_result", m => m.TradeResult), ("closed_at_ms", m => m.ClosedAtMs),
    ];

    private static readonly string Sql =
        $"INSERT INTO missions ({string.Join(", ", Columns.Select(c => c.Column))}) VALUES ({string.Join(", ", Columns.Select((_, i) => "@p" + i))}) " +
        "ON CONFLICT (user_id, signal_id) DO NOTHING";

    public static async Task<List<MissionRecord>> InsertNewAsync(MissionsDbContext db, IReadOnlyList<MissionRecord> rows, CancellationToken cancellationToken)
    {
        var inserted = new List<MissionRecord>(rows.Count);
        if (rows.Count == 0)
        {
            return inserted;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = Sql;
            var parameters = new DbParameter[Columns.Length];
            for (var i = 0; i < Columns.Length; i++)
            {
                parameters[i] = command.CreateParameter();
                parameters[i].ParameterName = "@p" + i;
                command.Parameters.Add(parameters[i]);
            }

            await command.PrepareAsync(cancellationToken);
            foreach (var row in rows)
            {
                for (var i = 0; i < Columns.Length; i++)
                {
                    parameters[i].Value = Columns[i].Value(row) ?? DBNull.Value;
                }

                if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    inserted.Add(row);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return inserted;
    }
}
