import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field, SelectField, TextField } from "./Field";

const textOf = (html: string) => html.replace(/<[^>]*>/g, "").trim();
const escapeForRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Renders a field to HTML and reads its control the way assistive tech does: named by the `<label for>` that points at
 * it, described by the elements its `aria-describedby` lists, in order. (There is no DOM in these tests, and the
 * markup is small and known, so plain patterns over the HTML are enough.)
 */
function readField(element: ReactElement) {
  const html = renderToStaticMarkup(element);
  const control = html.match(/<(input|select|textarea)\b([^>]*)>/);
  if (!control) throw new Error(`no control in ${html}`);
  const attributes = control[2] ?? "";
  const attribute = (name: string) => attributes.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
  const elementWithId = (id: string) => {
    const found = html.match(new RegExp(`<(\\w+)([^>]*)\\sid="${escapeForRegExp(id)}"([^>]*)>(.*?)</\\1>`));
    if (!found) throw new Error(`nothing has the id ${id} in ${html}`);
    return { attributes: `${found[2]} ${found[3]}`, text: textOf(found[4] ?? "") };
  };
  const id = attribute("id") ?? "";
  const label = html.match(new RegExp(`<label for="${escapeForRegExp(id)}">(.*?)</label>`));
  const describedBy = attribute("aria-describedby")?.split(" ") ?? [];
  return {
    tag: control[1],
    attribute,
    name: label ? textOf(label[1] ?? "") : undefined,
    description: describedBy.map((describer) => elementWithId(describer).text).join(" "),
    alerts: [...html.matchAll(/<(\w+)[^>]*\srole="alert"[^>]*>(.*?)<\/\1>/g)].map((alert) => textOf(alert[2] ?? "")),
  };
}

describe("TextField", () => {
  it("is named by its label, passes its props to the input, and is neither described nor invalid by default", () => {
    const field = readField(<TextField label="Username" name="username" autoComplete="username" maxLength={24} />);
    expect(field.tag).toBe("input");
    expect(field.name).toBe("Username");
    expect(field.attribute("name")).toBe("username");
    expect(field.attribute("autoComplete")).toBe("username");
    expect(field.attribute("maxLength")).toBe("24");
    expect(field.description).toBe("");
    expect(field.attribute("aria-invalid")).toBeUndefined();
    expect(field.alerts).toEqual([]);
  });

  it("is described by its hint without becoming invalid", () => {
    const field = readField(<TextField label="Password" type="password" hint="At least 8 characters" />);
    expect(field.attribute("type")).toBe("password");
    expect(field.description).toBe("At least 8 characters");
    expect(field.attribute("aria-invalid")).toBeUndefined();
    expect(field.alerts).toEqual([]);
  });

  it("with an error is invalid, described by the error, and announces it as an alert", () => {
    const field = readField(<TextField label="Pool name" error="Name is required" />);
    expect(field.name).toBe("Pool name");
    expect(field.attribute("aria-invalid")).toBe("true");
    expect(field.description).toBe("Name is required");
    expect(field.alerts).toEqual(["Name is required"]);
  });

  it("is described by its hint, then its error, when it has both", () => {
    const field = readField(<TextField label="Username" hint="3–24 letters" error="Username is taken" />);
    expect(field.description).toBe("3–24 letters Username is taken");
    expect(field.alerts).toEqual(["Username is taken"]);
  });

  it("can be marked invalid without an error text, which announces nothing", () => {
    const field = readField(<TextField label="How many Oscars?" type="number" hint="A whole number" invalid />);
    expect(field.attribute("aria-invalid")).toBe("true");
    expect(field.description).toBe("A whole number");
    expect(field.alerts).toEqual([]);
  });

  it("gives each field its own ids", () => {
    const html = renderToStaticMarkup(
      <>
        <TextField label="Username" error="is required" />
        <TextField label="Password" error="is required" />
      </>,
    );
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });
});

describe("SelectField", () => {
  it("is named by its label, renders its options, and wires its error like a text field", () => {
    const field = readField(
      <SelectField label="Oscar category" error="Category is required" defaultValue="">
        <option value="">Choose a category…</option>
        <option value="1">Best Picture</option>
      </SelectField>,
    );
    expect(field.tag).toBe("select");
    expect(field.name).toBe("Oscar category");
    expect(field.attribute("aria-invalid")).toBe("true");
    expect(field.description).toBe("Category is required");
    expect(field.alerts).toEqual(["Category is required"]);
    expect(
      renderToStaticMarkup(<SelectField label="Film">{<option value="7">Moonlight</option>}</SelectField>),
    ).toMatch(/<select[^>]*><option value="7">Moonlight<\/option><\/select>/);
  });
});

describe("Field", () => {
  it("hands its ids and states to any control it renders", () => {
    const field = readField(
      <Field label="Or paste the JSON" hint="Same format as the seed file">
        {(control) => <textarea {...control} rows={6} />}
      </Field>,
    );
    expect(field.tag).toBe("textarea");
    expect(field.name).toBe("Or paste the JSON");
    expect(field.description).toBe("Same format as the seed file");
    expect(field.attribute("rows")).toBe("6");
  });
});
