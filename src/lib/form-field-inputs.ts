/** How a form's lead field is typed into a browser: the input type and the autofill hint (hosted page and embed). */
export const FIELD_INPUT_TYPE: Record<string, string> = { email: "email", phone: "tel", companySize: "number" };
export const FIELD_AUTOCOMPLETE: Record<string, string> = {
  email: "email",
  name: "name",
  company: "organization",
  title: "organization-title",
  phone: "tel",
  country: "country",
};
