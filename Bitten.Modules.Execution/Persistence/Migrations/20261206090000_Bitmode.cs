using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bitten.Modules.Execution.Persistence.Migrations;

/// <summary>BITMODE exits: the fire's flag and partial-close accounting, each partial close (idempotent key), the exit plans.</summary>
[DbContext(typeof(ExecutionDbContext))]
[Migration("20261206090000_Bitmode")]
internal sealed class Bitmode : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "bitmode", table: "fires", type: "INTEGER", nullable: true);
        migrationBuilder.AddColumn<decimal>(name: "remaining_volume", table: "fires", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<decimal>(name: "partial_profit", table: "fires", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<double>(name: "partial_r", table: "fires", type: "REAL", nullable: true);

        migrationBuilder.CreateTable(
            name: "partial_closes",
            columns: table => new
            {
                fire_id = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                position = table.Column<long>(type: "INTEGER", nullable: false),
                ts_ms = table.Column<long>(type: "INTEGER", nullable: false),
                volume = table.Column<decimal>(type: "TEXT", nullable: false),
                close_price = table.Column<decimal>(type: "TEXT", nullable: false),
                profit = table.Column<decimal>(type: "TEXT", nullable: false),
                recorded_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_partial_closes", x => new { x.fire_id, x.position, x.ts_ms }));

        migrationBuilder.CreateTable(
            name: "exit_plans",
            columns: table => new
            {
                fire_id = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                stage = table.Column<int>(type: "INTEGER", nullable: false),
                partial_volume = table.Column<decimal>(type: "TEXT", nullable: false),
                stop = table.Column<decimal>(type: "TEXT", nullable: false),
                trails = table.Column<int>(type: "INTEGER", nullable: false),
                command_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                command_kind = table.Column<int>(type: "INTEGER", nullable: false),
                command_stop = table.Column<decimal>(type: "TEXT", nullable: true),
                command_sent_at_ms = table.Column<long>(type: "INTEGER", nullable: true),
                attempts = table.Column<int>(type: "INTEGER", nullable: false),
                updated_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_exit_plans", x => x.fire_id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "exit_plans");
        migrationBuilder.DropTable(name: "partial_closes");
        foreach (var column in new[] { "bitmode", "remaining_volume", "partial_profit", "partial_r" })
        {
            migrationBuilder.DropColumn(name: column, table: "fires");
        }
    }
}
