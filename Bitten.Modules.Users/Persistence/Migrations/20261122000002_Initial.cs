using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bitten.Modules.Users.Persistence.Migrations;

/// <summary>Hand-written (EF Core Design is not obtainable); the schema-drift test guards it.</summary>
[DbContext(typeof(UsersDbContext))]
[Migration("20261122000002_Initial")]
internal sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                telegram_id = table.Column<long>(type: "INTEGER", nullable: false),
                display_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                tier = table.Column<int>(type: "INTEGER", nullable: false),
                created_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                last_seen_at_ms = table.Column<long>(type: "INTEGER", nullable: true)
            },
            constraints: table => table.PrimaryKey("PK_users", x => x.id));
        migrationBuilder.CreateIndex(
            name: "ix_users_telegram_id",
            table: "users",
            column: "telegram_id", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "users");
    }
}
