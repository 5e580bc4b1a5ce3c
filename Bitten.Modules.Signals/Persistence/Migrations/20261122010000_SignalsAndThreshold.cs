using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bitten.Modules.Signals.Persistence.Migrations;

/// <summary>Stored signals with their outcome, and the adaptive threshold's history. Hand-written; guarded by the drift test.</summary>
[DbContext(typeof(SignalsDbContext))]
[Migration("20261122010000_SignalsAndThreshold")]
internal sealed class SignalsAndThreshold : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "signals",
            columns: table => new
            {
                id = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                symbol = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                side = table.Column<int>(type: "INTEGER", nullable: false),
                pattern = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                timeframe = table.Column<int>(type: "INTEGER", nullable: false),
                entry = table.Column<decimal>(type: "TEXT", nullable: false),
                stop_loss = table.Column<decimal>(type: "TEXT", nullable: false),
                take_profit = table.Column<decimal>(type: "TEXT", nullable: false),
                stop_pips = table.Column<double>(type: "REAL", nullable: false),
                target_pips = table.Column<double>(type: "REAL", nullable: false),
                risk_reward = table.Column<double>(type: "REAL", nullable: false),
                confidence = table.Column<double>(type: "REAL", nullable: false),
                pattern_score = table.Column<double>(type: "REAL", nullable: false),
                shield_score = table.Column<double>(type: "REAL", nullable: false),
                shield_class = table.Column<int>(type: "INTEGER", nullable: false),
                shield_multiplier = table.Column<decimal>(type: "TEXT", nullable: false),
                win_probability = table.Column<double>(type: "REAL", nullable: false),
                expected_value_r = table.Column<double>(type: "REAL", nullable: false),
                session = table.Column<int>(type: "INTEGER", nullable: false),
                signal_class = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                model_version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                threshold = table.Column<double>(type: "REAL", nullable: false),
                bar_open_ms = table.Column<long>(type: "INTEGER", nullable: false),
                created_ms = table.Column<long>(type: "INTEGER", nullable: false),
                expires_ms = table.Column<long>(type: "INTEGER", nullable: false),
                recorded_ms = table.Column<long>(type: "INTEGER", nullable: false),
                components_json = table.Column<string>(type: "TEXT", nullable: false),
                shield_json = table.Column<string>(type: "TEXT", nullable: false),
                context_json = table.Column<string>(type: "TEXT", nullable: false),
                features_json = table.Column<string>(type: "TEXT", nullable: false),
                status = table.Column<int>(type: "INTEGER", nullable: false),
                outcome = table.Column<int>(type: "INTEGER", nullable: false),
                r_multiple = table.Column<double>(type: "REAL", nullable: true),
                result_pips = table.Column<double>(type: "REAL", nullable: true),
                mfe_pips = table.Column<double>(type: "REAL", nullable: true),
                mae_pips = table.Column<double>(type: "REAL", nullable: true),
                resolved_ms = table.Column<long>(type: "INTEGER", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_signals", x => x.id));
        migrationBuilder.CreateIndex(name: "ix_signals_symbol_created", table: "signals", columns: new[] { "symbol", "created_ms" });
        migrationBuilder.CreateIndex(name: "ix_signals_pattern_status", table: "signals", columns: new[] { "pattern", "status" });
        migrationBuilder.CreateIndex(name: "ix_signals_created", table: "signals", column: "created_ms");

        migrationBuilder.CreateTable(
            name: "threshold_changes",
            columns: table => new
            {
                id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                previous = table.Column<double>(type: "REAL", nullable: false),
                next = table.Column<double>(type: "REAL", nullable: false),
                signals_last_24h = table.Column<int>(type: "INTEGER", nullable: false),
                win_rate_last_24h = table.Column<double>(type: "REAL", nullable: true),
                reasons_json = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_threshold_changes", x => x.id));
        migrationBuilder.CreateIndex(name: "ix_threshold_changes_at", table: "threshold_changes", column: "at_ms");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "threshold_changes");
        migrationBuilder.DropTable(name: "signals");
    }
}
