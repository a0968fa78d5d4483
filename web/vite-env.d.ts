// Vite turns imported stylesheets into <link> tags; they export nothing.
declare module "*.css" {}
