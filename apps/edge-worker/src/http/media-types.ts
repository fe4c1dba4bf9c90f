/** The content type of every JSON body the worker writes itself. */
export const JSON_TYPE = "application/json; charset=UTF-8";
