/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    /** The platform being built; Taro replaces it at build time and drops the other platform's branches. */
    TARO_ENV: 'weapp' | 'h5'
    /** Mini-program appid for `taro build`; project.config.json keeps the placeholder `touristappid`. */
    TARO_APP_ID?: string
    /** CloudBase environment id for Taro.cloud.init in weapp; unset means the default environment. */
    TARO_APP_CLOUD_ENV?: string
    /** Base URL of the local function host for the H5 app; empty means the same origin as the page. */
    TARO_APP_FUNCTIONS_URL?: string
  }
}
