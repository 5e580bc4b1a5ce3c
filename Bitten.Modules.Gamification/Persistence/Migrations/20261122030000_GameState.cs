using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bitten.Modules.Gamification.Persistence.Migrations;

/// <summary>Source ids on the ledger; users, fire and trade facts, tactic choices, notebook, referrals.</summary>
[DbContext(typeof(GamificationDbContext))]
[Migration("20261122030000_GameState")]
internal sealed class GameState : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "source_id", table: "xp_ledger", type: "TEXT", maxLength: 128, nullable: true);

        migrationBuilder.CreateTable(
            name: "game_users",
            columns: table => new
            {
                user_id = table.Column<long>(type: "INTEGER", nullable: false),
                time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                drill_tone = table.Column<int>(type: "INTEGER", nullable: false),
                streak_days = table.Column<int>(type: "INTEGER", nullable: false),
                last_checkin_date = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                last_checkin_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                protection_used_month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                last_drill_report_date = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                leaderboard_opt_in = table.Column<bool>(type: "INTEGER", nullable: false),
                display_name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                profile_refreshed_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                created_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_game_users", x => x.user_id));

        migrationBuilder.CreateTable(
            name: "fires",
            columns: table => new
            {
                fire_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                user_id = table.Column<long>(type: "INTEGER", nullable: false),
                side = table.Column<int>(type: "INTEGER", nullable: false),
                filled_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_fires", x => x.fire_id));
        migrationBuilder.CreateIndex(name: "ix_fires_user_time", table: "fires", columns: ["user_id", "filled_at_ms"]);

        migrationBuilder.CreateTable(
            name: "trades",
            columns: table => new
            {
                fire_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                user_id = table.Column<long>(type: "INTEGER", nullable: false),
                result = table.Column<int>(type: "INTEGER", nullable: false),
                r_multiple = table.Column<double>(type: "REAL", nullable: false),
                at_original_stop = table.Column<bool>(type: "INTEGER", nullable: false),
                closed_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_trades", x => x.fire_id));
        migrationBuilder.CreateIndex(name: "ix_trades_user_time", table: "trades", columns: ["user_id", "closed_at_ms"]);

        migrationBuilder.CreateTable(
            name: "tactic_choices",
            columns: table => new
            {
                user_id = table.Column<long>(type: "INTEGER", nullable: false),
                local_date = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                tactic = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                chosen_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_tactic_choices", x => new { x.user_id, x.local_date }));

        migrationBuilder.CreateTable(
            name: "journal_entries",
            columns: table => new
            {
                id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                user_id = table.Column<long>(type: "INTEGER", nullable: false),
                text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                mood = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                tags = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                fire_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                created_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                updated_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_journal_entries", x => x.id));
        migrationBuilder.CreateIndex(name: "ix_journal_user_time", table: "journal_entries", columns: ["user_id", "created_at_ms"]);

        migrationBuilder.CreateTable(
            name: "referrals",
            columns: table => new
            {
                recruit_id = table.Column<long>(type: "INTEGER", nullable: false),
                referrer_id = table.Column<long>(type: "INTEGER", nullable: false),
                referred_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_referrals", x => x.recruit_id));
        migrationBuilder.CreateIndex(name: "ix_referrals_referrer_time", table: "referrals", columns: ["referrer_id", "referred_at_ms"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "referrals");
        migrationBuilder.DropTable(name: "journal_entries");
        migrationBuilder.DropTable(name: "tactic_choices");
        migrationBuilder.DropTable(name: "trades");
        migrationBuilder.DropTable(name: "fires");
        migrationBuilder.DropTable(name: "game_users");
        migrationBuilder.DropColumn(name: "source_id", table: "xp_ledger");
    }
}
