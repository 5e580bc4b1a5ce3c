using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bitten.Modules.Execution.Persistence.Migrations;

/// <summary>EA registry state, symbols and positions; fires, their timeline and outbox; runtime switches; auto-fire keys.</summary>
[DbContext(typeof(ExecutionDbContext))]
[Migration("20261122030000_Trading")]
internal sealed class Trading : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "is_default", table: "eas", type: "INTEGER", nullable: true);
        migrationBuilder.AddColumn<string>(name: "currency", table: "eas", type: "TEXT", maxLength: 8, nullable: true);
        migrationBuilder.AddColumn<decimal>(name: "balance", table: "eas", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<decimal>(name: "equity", table: "eas", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<decimal>(name: "margin", table: "eas", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<decimal>(name: "free_margin", table: "eas", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<int>(name: "broker_utc_offset_s", table: "eas", type: "INTEGER", nullable: true);
        migrationBuilder.AddColumn<string>(name: "account_login", table: "eas", type: "TEXT", maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<string>(name: "broker", table: "eas", type: "TEXT", maxLength: 128, nullable: true);
        migrationBuilder.AddColumn<decimal>(name: "start_of_day_equity", table: "eas", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<long>(name: "start_of_day_day", table: "eas", type: "INTEGER", nullable: true);

        migrationBuilder.CreateTable(
            name: "ea_symbols",
            columns: table => new
            {
                ea_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                symbol = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                broker_symbol = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                digits = table.Column<int>(type: "INTEGER", nullable: false),
                point = table.Column<decimal>(type: "TEXT", nullable: false),
                tick_size = table.Column<decimal>(type: "TEXT", nullable: false),
                tick_value = table.Column<decimal>(type: "TEXT", nullable: false),
                contract_size = table.Column<decimal>(type: "TEXT", nullable: false),
                volume_min = table.Column<decimal>(type: "TEXT", nullable: false),
                volume_step = table.Column<decimal>(type: "TEXT", nullable: false),
                volume_max = table.Column<decimal>(type: "TEXT", nullable: false),
                stops_level_points = table.Column<int>(type: "INTEGER", nullable: false),
                currency_profit = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                filling_modes = table.Column<int>(type: "INTEGER", nullable: false),
                updated_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ea_symbols", x => new { x.ea_id, x.symbol }));

        migrationBuilder.CreateTable(
            name: "ea_positions",
            columns: table => new
            {
                ea_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                position = table.Column<long>(type: "INTEGER", nullable: false),
                fire_id = table.Column<string>(type: "TEXT", maxLength: 26, nullable: true),
                symbol = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                side = table.Column<int>(type: "INTEGER", nullable: false),
                volume = table.Column<decimal>(type: "TEXT", nullable: false),
                open_price = table.Column<decimal>(type: "TEXT", nullable: false),
                sl = table.Column<decimal>(type: "TEXT", nullable: true),
                tp = table.Column<decimal>(type: "TEXT", nullable: true),
                profit = table.Column<decimal>(type: "TEXT", nullable: false),
                open_ts_ms = table.Column<long>(type: "INTEGER", nullable: false),
                reported_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ea_positions", x => new { x.ea_id, x.position }));

        migrationBuilder.CreateTable(
            name: "fires",
            columns: table => new
            {
                fire_id = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                mission_id = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                user_id = table.Column<long>(type: "INTEGER", nullable: false),
                signal_id = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                ea_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                symbol = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                broker_symbol = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                side = table.Column<int>(type: "INTEGER", nullable: false),
                volume = table.Column<decimal>(type: "TEXT", nullable: false),
                entry = table.Column<decimal>(type: "TEXT", nullable: false),
                sl = table.Column<decimal>(type: "TEXT", nullable: false),
                tp = table.Column<decimal>(type: "TEXT", nullable: false),
                risk_money = table.Column<decimal>(type: "TEXT", nullable: false),
                point = table.Column<decimal>(type: "TEXT", nullable: false),
                source = table.Column<int>(type: "INTEGER", nullable: false),
                status = table.Column<int>(type: "INTEGER", nullable: false),
                created_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                expires_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                sent_at_ms = table.Column<long>(type: "INTEGER", nullable: true),
                filled_at_ms = table.Column<long>(type: "INTEGER", nullable: true),
                fill_price = table.Column<decimal>(type: "TEXT", nullable: true),
                filled_volume = table.Column<decimal>(type: "TEXT", nullable: true),
                position = table.Column<long>(type: "INTEGER", nullable: true),
                closed_at_ms = table.Column<long>(type: "INTEGER", nullable: true),
                close_price = table.Column<decimal>(type: "TEXT", nullable: true),
                profit = table.Column<decimal>(type: "TEXT", nullable: true),
                r_multiple = table.Column<double>(type: "REAL", nullable: true),
                result = table.Column<int>(type: "INTEGER", nullable: true),
                close_reason = table.Column<int>(type: "INTEGER", nullable: true),
                retcode = table.Column<int>(type: "INTEGER", nullable: true),
                message = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_fires", x => x.fire_id));
        migrationBuilder.CreateIndex(name: "ux_fires_mission_id", table: "fires", column: "mission_id", unique: true);
        migrationBuilder.CreateIndex(name: "ix_fires_user_status", table: "fires", columns: ["user_id", "status"]);
        migrationBuilder.CreateIndex(name: "ix_fires_status", table: "fires", column: "status");

        migrationBuilder.CreateTable(
            name: "fire_events",
            columns: table => new
            {
                id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                fire_id = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                status = table.Column<int>(type: "INTEGER", nullable: false),
                at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                detail = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_fire_events", x => x.id));
        migrationBuilder.CreateIndex(name: "ix_fire_events_fire_id", table: "fire_events", column: "fire_id");

        migrationBuilder.CreateTable(
            name: "outbox",
            columns: table => new
            {
                id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                fire_id = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                created_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                done_at_ms = table.Column<long>(type: "INTEGER", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_outbox", x => x.id));
        migrationBuilder.CreateIndex(name: "ix_outbox_done_at_ms", table: "outbox", column: "done_at_ms");

        migrationBuilder.CreateTable(
            name: "runtime_switches",
            columns: table => new
            {
                key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                value = table.Column<bool>(type: "INTEGER", nullable: false),
                updated_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                updated_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_runtime_switches", x => x.key));

        migrationBuilder.CreateTable(
            name: "auto_fires",
            columns: table => new
            {
                user_id = table.Column<long>(type: "INTEGER", nullable: false),
                signal_id = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                mission_id = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                accepted = table.Column<bool>(type: "INTEGER", nullable: false),
                reason = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_auto_fires", x => new { x.user_id, x.signal_id }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "auto_fires", "runtime_switches", "outbox", "fire_events", "fires", "ea_positions", "ea_symbols" })
        {
            migrationBuilder.DropTable(name: table);
        }

        foreach (var column in new[] { "is_default", "currency", "balance", "equity", "margin", "free_margin", "broker_utc_offset_s", "account_login", "broker", "start_of_day_equity", "start_of_day_day" })
        {
            migrationBuilder.DropColumn(name: column, table: "eas");
        }
    }
}
