// For the manifest test: analyze into a temporary folder without touching package.json.
export default { packagejson: false };
