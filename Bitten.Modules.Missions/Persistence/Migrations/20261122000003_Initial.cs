using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bitten.Modules.Missions.Persistence.Migrations;

/// <summary>
/// Hand-written (EF Core Design is not obtainable); the schema-drift test guards it. Rewritten before any
/// release to hold the whole mission: sizing, view-only reason, fire id and trade result.
/// </summary>
[DbContext(typeof(MissionsDbContext))]
[Migration("20261122000003_Initial")]
internal sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "missions",
            columns: table => new
            {
                id = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                user_id = table.Column<long>(type: "INTEGER", nullable: false),
                signal_id = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                status = table.Column<int>(type: "INTEGER", nullable: false),
                created_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                expires_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                updated_at_ms = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L),
                symbol = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false, defaultValue: ""),
                side = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                pattern = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false, defaultValue: ""),
                timeframe = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                entry = table.Column<decimal>(type: "TEXT", nullable: false, defaultValue: 0m),
                stop_loss = table.Column<decimal>(type: "TEXT", nullable: false, defaultValue: 0m),
                take_profit = table.Column<decimal>(type: "TEXT", nullable: false, defaultValue: 0m),
                stop_pips = table.Column<decimal>(type: "TEXT", nullable: false, defaultValue: 0m),
                target_pips = table.Column<decimal>(type: "TEXT", nullable: false, defaultValue: 0m),
                risk_reward = table.Column<double>(type: "REAL", nullable: false, defaultValue: 0.0),
                confidence = table.Column<double>(type: "REAL", nullable: false, defaultValue: 0.0),
                shield_score = table.Column<double>(type: "REAL", nullable: false, defaultValue: 0.0),
                shield_class = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                shield_multiplier = table.Column<decimal>(type: "TEXT", nullable: false, defaultValue: 0m),
                win_probability = table.Column<double>(type: "REAL", nullable: false, defaultValue: 0.0),
                expected_value_r = table.Column<double>(type: "REAL", nullable: false, defaultValue: 0.0),
                session = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                signal_class = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false, defaultValue: ""),
                signal_created_at_ms = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L),
                volume = table.Column<decimal>(type: "TEXT", nullable: false, defaultValue: 0m),
                risk_money = table.Column<decimal>(type: "TEXT", nullable: false, defaultValue: 0m),
                reward_money = table.Column<decimal>(type: "TEXT", nullable: false, defaultValue: 0m),
                risk_percent = table.Column<decimal>(type: "TEXT", nullable: false, defaultValue: 0m),
                balance = table.Column<decimal?>(type: "TEXT", nullable: true),
                account_currency = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false, defaultValue: ""),
                value_source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false, defaultValue: ""),
                fireable = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false),
                not_fireable_code = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                not_fireable_reason = table.Column<string>(type: "TEXT", nullable: true),
                fire_id = table.Column<string>(type: "TEXT", maxLength: 26, nullable: true),
                fire_source = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                status_reason = table.Column<string>(type: "TEXT", nullable: true),
                fill_price = table.Column<decimal?>(type: "TEXT", nullable: true),
                filled_volume = table.Column<decimal?>(type: "TEXT", nullable: true),
                profit = table.Column<decimal?>(type: "TEXT", nullable: true),
                result_r = table.Column<double?>(type: "REAL", nullable: true),
                trade_result = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                closed_at_ms = table.Column<long?>(type: "INTEGER", nullable: true)
            },
            constraints: table => table.PrimaryKey("PK_missions", x => x.id));
        migrationBuilder.CreateIndex(name: "ux_missions_signal_user", table: "missions", columns: new[] { "signal_id", "user_id" }, unique: true);
        migrationBuilder.CreateIndex(name: "ix_missions_status_expires", table: "missions", columns: new[] { "status", "expires_at_ms" });
        migrationBuilder.CreateIndex(name: "ix_missions_user_created", table: "missions", columns: new[] { "user_id", "created_at_ms" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "missions");
    }
}
