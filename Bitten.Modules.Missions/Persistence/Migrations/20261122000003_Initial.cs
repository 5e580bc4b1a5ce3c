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
                updated_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                symbol = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                side = table.Column<int>(type: "INTEGER", nullable: false),
                pattern = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                timeframe = table.Column<int>(type: "INTEGER", nullable: false),
                entry = table.Column<decimal>(type: "TEXT", nullable: false),
                stop_loss = table.Column<decimal>(type: "TEXT", nullable: false),
                take_profit = table.Column<decimal>(type: "TEXT", nullable: false),
                stop_pips = table.Column<decimal>(type: "TEXT", nullable: false),
                target_pips = table.Column<decimal>(type: "TEXT", nullable: false),
                risk_reward = table.Column<double>(type: "REAL", nullable: false),
                confidence = table.Column<double>(type: "REAL", nullable: false),
                shield_score = table.Column<double>(type: "REAL", nullable: false),
                shield_class = table.Column<int>(type: "INTEGER", nullable: false),
                shield_multiplier = table.Column<decimal>(type: "TEXT", nullable: false),
                win_probability = table.Column<double>(type: "REAL", nullable: false),
                expected_value_r = table.Column<double>(type: "REAL", nullable: false),
                session = table.Column<int>(type: "INTEGER", nullable: false),
                signal_class = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                signal_created_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                volume = table.Column<decimal>(type: "TEXT", nullable: false),
                risk_money = table.Column<decimal>(type: "TEXT", nullable: false),
                reward_money = table.Column<decimal>(type: "TEXT", nullable: false),
                risk_percent = table.Column<decimal>(type: "TEXT", nullable: false),
                balance = table.Column<decimal?>(type: "TEXT", nullable: true),
                account_currency = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                value_source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                fireable = table.Column<bool>(type: "INTEGER", nullable: false),
                not_fireable_code = table.Column<int>(type: "INTEGER", nullable: false),
                not_fireable_reason = table.Column<string>(type: "TEXT", nullable: true),
                fire_id = table.Column<string>(type: "TEXT", maxLength: 26, nullable: true),
                fire_source = table.Column<int>(type: "INTEGER", nullable: false),
                status_reason = table.Column<string>(type: "TEXT", nullable: true),
                fill_price = table.Column<decimal?>(type: "TEXT", nullable: true),
                filled_volume = table.Column<decimal?>(type: "TEXT", nullable: true),
                profit = table.Column<decimal?>(type: "TEXT", nullable: true),
                result_r = table.Column<double?>(type: "REAL", nullable: true),
                trade_result = table.Column<int>(type: "INTEGER", nullable: false),
                closed_at_ms = table.Column<long?>(type: "INTEGER", nullable: true)
            },
            constraints: table => table.PrimaryKey("PK_missions", x => x.id));
        migrationBuilder.CreateIndex(name: "ux_missions_user_signal", table: "missions", columns: new[] { "user_id", "signal_id" }, unique: true);
        migrationBuilder.CreateIndex(name: "ix_missions_status_expires", table: "missions", columns: new[] { "status", "expires_at_ms" });
        migrationBuilder.CreateIndex(name: "ix_missions_user_created", table: "missions", columns: new[] { "user_id", "created_at_ms" });
        migrationBuilder.CreateIndex(name: "ix_missions_signal", table: "missions", column: "signal_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "missions");
    }
}
